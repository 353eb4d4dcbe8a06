// Tests for the Maildir transport: whole files in new/, unique names, a mail sent again
// under its key delivered once, clear failures.
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

// As the transport writes it into names: '/' and ':' mean something in Maildir names.
std::string host_name() {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    std::string name = host[0] ? host : "localhost";
    for (auto& c : name)
        if (c == '/' || c == ':') c = '_';
    return name;
}

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

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST_F(MaildirTest, ABatchDeliversEachMailWholeUnderItsKey) {
    auto maildir = MaildirTransport::open(dir_ / "mail", "1a2b3c4d");
    ASSERT_TRUE(maildir.ok());
    // More mails than the transport keeps open at once, so the batch is written in parts.
    std::vector<std::string> messages;
    std::vector<Outgoing> batch;
    for (int i = 0; i < 70; ++i)
        messages.push_back("Subject: " + std::to_string(i) + "\r\n\r\nx\r\n");
    for (int i = 0; i < 70; ++i)
        batch.push_back({{"a@x.org", "b@x.org"}, messages[i], "1000.R" + std::to_string(i)});
    const auto outcomes = (*maildir)->send_batch(batch);
    ASSERT_EQ(outcomes.size(), 70u);
    for (const auto& outcome : outcomes) EXPECT_TRUE(outcome.ok());
    EXPECT_EQ(files_in(dir_ / "mail" / "new").size(), 70u);
    EXPECT_TRUE(files_in(dir_ / "mail" / "tmp").empty());
    EXPECT_EQ(read_all(dir_ / "mail" / "new" / ("1000.R7I1a2b3c4d." + host_name())), messages[7]);
}

TEST_F(MaildirTest, AMailSentAgainUnderItsKeyIsDeliveredOnce) {
    // What the outbox does after a crash between delivering a batch and recording it: the
    // same rows go again. A half-written file a crash left in tmp/ is written over.
    auto maildir = MaildirTransport::open(dir_ / "mail", "1a2b3c4d");
    ASSERT_TRUE(maildir.ok());
    std::ofstream(dir_ / "mail" / "tmp" / ("1000.R2I1a2b3c4d." + host_name())) << "Subj";
    const std::vector<Outgoing> first{{{"a", "b"}, "one\r\n", "1000.R1"},
                                      {{"a", "b"}, "two\r\n", "1000.R2"}};
    for (const auto& outcome : (*maildir)->send_batch(first)) ASSERT_TRUE(outcome.ok());
    const std::vector<Outgoing> again{{{"a", "b"}, "one, composed again\r\n", "1000.R1"},
                                      {{"a", "b"}, "three\r\n", "1000.R3"}};
    for (const auto& outcome : (*maildir)->send_batch(again)) ASSERT_TRUE(outcome.ok());
    const auto delivered = files_in(dir_ / "mail" / "new");
    EXPECT_EQ(delivered.size(), 3u);
    EXPECT_TRUE(files_in(dir_ / "mail" / "tmp").empty());
    EXPECT_EQ(read_all(dir_ / "mail" / "new" / ("1000.R1I1a2b3c4d." + host_name())), "one\r\n");
    EXPECT_EQ(read_all(dir_ / "mail" / "new" / ("1000.R2I1a2b3c4d." + host_name())), "two\r\n");
}

TEST_F(MaildirTest, TwoServersSharingAFolderKeepTheirOwnNames) {
    auto ours = MaildirTransport::open(dir_ / "mail", "00000001");
    auto theirs = MaildirTransport::open(dir_ / "mail", "00000002");
    ASSERT_TRUE(ours.ok() && theirs.ok());
    const std::vector<Outgoing> one{{{"a", "b"}, "ours\r\n", "1000.R1"}};
    const std::vector<Outgoing> other{{{"a", "b"}, "theirs\r\n", "1000.R1"}};
    ASSERT_TRUE((*ours)->send_batch(one).front().ok());
    ASSERT_TRUE((*theirs)->send_batch(other).front().ok());
    EXPECT_EQ(files_in(dir_ / "mail" / "new").size(), 2u);
}

TEST_F(MaildirTest, ABatchIntoAFolderThatVanishedFailsEachMailTransiently) {
    auto maildir = MaildirTransport::open(dir_ / "mail");
    ASSERT_TRUE(maildir.ok());
    std::filesystem::remove_all(dir_ / "mail");
    const std::vector<Outgoing> batch{{{"a", "b"}, "x\r\n", "1.R1"}, {{"a", "b"}, "y\r\n", "1.R2"}};
    const auto outcomes = (*maildir)->send_batch(batch);
    ASSERT_EQ(outcomes.size(), 2u);
    for (const auto& outcome : outcomes) {
        ASSERT_FALSE(outcome.ok());
        EXPECT_EQ(outcome.error().code, MailError::transient);
    }
}

}  // namespace
}  // namespace rempart::mail
