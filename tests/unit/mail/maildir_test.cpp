// Tests for the Maildir transport: whole files in new/, unique names, clear failures.
#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "mail/errors.hpp"
#include "mail/maildir.hpp"

namespace rempart::mail {
namespace {

class MaildirTest : public ::testing::Test {
  protected:
    void SetUp() override {
        auto pattern =
            (std::filesystem::temp_directory_path() / "rempart-maildir-test.XXXXXX").string();
        dir_ = ::mkdtemp(pattern.data());
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) files.push_back(entry);
    return files;
}

TEST_F(MaildirTest, CreatesTheFoldersAndDeliversIntoNew) {
    auto maildir = MaildirTransport::open(dir_ / "mail");
    ASSERT_TRUE(maildir.ok()) << maildir.error().detail;
    for (const char* sub : {"new", "cur", "tmp"})
        EXPECT_TRUE(std::filesystem::is_directory(dir_ / "mail" / sub)) << sub;
    const std::string message = "Subject: x\r\n\r\nBody\r\n";
    ASSERT_TRUE((*maildir)->send({"a@x.org", "b@x.org"}, message).ok());
    const auto delivered = files_in(dir_ / "mail" / "new");
    ASSERT_EQ(delivered.size(), 1u);
    EXPECT_TRUE(files_in(dir_ / "mail" / "tmp").empty());
    std::ifstream in(delivered[0], std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str(), message);
}

TEST_F(MaildirTest, NamesStayUniqueAcrossThreads) {
    auto maildir = MaildirTransport::open(dir_ / "mail");
    ASSERT_TRUE(maildir.ok());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 250; ++i) ASSERT_TRUE((*maildir)->send({"a", "b"}, "x\r\n").ok());
        });
    for (auto& thread : threads) thread.join();
    std::set<std::string> names;
    for (const auto& file : files_in(dir_ / "mail" / "new")) names.insert(file.filename());
    EXPECT_EQ(names.size(), 1000u);
}

TEST_F(MaildirTest, AFolderThatCannotBeMadeIsAClearError) {
    std::ofstream(dir_ / "file") << "not a folder";
    const auto maildir = MaildirTransport::open(dir_ / "file" / "mail");
    ASSERT_FALSE(maildir.ok());
    EXPECT_EQ(maildir.error().code, MailError::maildir);
    EXPECT_NE(maildir.error().detail.find("file/mail"), std::string::npos);
}

TEST_F(MaildirTest, AFolderThatVanishedGivesATransientError) {
    auto maildir = MaildirTransport::open(dir_ / "mail");
    ASSERT_TRUE(maildir.ok());
    std::filesystem::remove_all(dir_ / "mail");
    const auto sent = (*maildir)->send({"a", "b"}, "x\r\n");
    ASSERT_FALSE(sent.ok());
    EXPECT_EQ(sent.error().code, MailError::transient);
}

}  // namespace
}  // namespace rempart::mail
