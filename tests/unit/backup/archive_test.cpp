// Tests for the backup file: what is sealed reads back byte for byte, and each fault (wrong
// key, a byte changed, a file cut short, a newer format, another file) is refused with its
// own error, leaving nothing behind.
#include "backup/archive.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "backup/errors.hpp"

namespace rempart::backup {
namespace {

namespace fs = std::filesystem;

class Archive : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        char pattern[] = "/tmp/rempart-archive-test.XXXXXX";
        ASSERT_NE(::mkdtemp(pattern), nullptr);
        dir_ = pattern;
        randombytes_buf(key_.data(), key_.size());
        randombytes_buf(other_key_.data(), other_key_.size());
    }
    void TearDown() override { fs::remove_all(dir_); }

    // A "store" of `size` bytes that compresses the way a real one does: text with repeats,
    // and random bytes enough to need several parts.
    fs::path store_of(std::size_t size) {
        std::string bytes;
        bytes.reserve(size);
        for (std::size_t i = 0; bytes.size() < size; ++i) {
            bytes += "signature " + std::to_string(i) + " Marie Curie 75005;";
            unsigned char noise[24];
            randombytes_buf(noise, sizeof noise);
            bytes.append(reinterpret_cast<const char*>(noise), sizeof noise);
        }
        bytes.resize(size);
        const auto file = dir_ / "store.db";
        std::ofstream(file, std::ios::binary) << bytes;
        return file;
    }
    static std::string read(const fs::path& file) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }
    static void write(const fs::path& file, const std::string& bytes) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
    }
    Manifest manifest() const { return {18, 1'796'000'000, 0, std::string(64, 'a')}; }

    fs::path dir_;
    Key key_{};
    Key other_key_{};
};

TEST_F(Archive, WhatIsSealedReadsBackByteForByteWithItsManifest) {
    const auto store = store_of(3 * 1024 * 1024);  // several parts of 256 KiB
    const auto facts = write_archive(store, manifest(), key_, dir_ / "a.backup");
    ASSERT_TRUE(facts.ok()) << facts.error().detail;
    EXPECT_EQ(facts->store_bytes, fs::file_size(store));
    EXPECT_EQ(facts->size, fs::file_size(dir_ / "a.backup"));
    EXPECT_FALSE(fs::exists(dir_ / "a.backup.partial"));
    EXPECT_EQ((fs::status(dir_ / "a.backup").permissions() & fs::perms::group_read),
              fs::perms::none);
    EXPECT_TRUE(read(dir_ / "a.backup").starts_with("REMPART-BACKUP 1\n"));
    // Sealed: neither the store's text nor the secret shows in the file.
    EXPECT_EQ(read(dir_ / "a.backup").find("Marie Curie"), std::string::npos);
    EXPECT_EQ(read(dir_ / "a.backup").find(std::string(64, 'a')), std::string::npos);

    const auto opened = read_archive(dir_ / "a.backup", key_, dir_ / "restored.db");
    ASSERT_TRUE(opened.ok()) << opened.error().detail;
    EXPECT_EQ(opened->schema, 18);
    EXPECT_EQ(opened->taken_at, 1'796'000'000);
    EXPECT_EQ(opened->bytes, fs::file_size(store));
    EXPECT_EQ(opened->secret, std::string(64, 'a'));
    EXPECT_EQ(read(dir_ / "restored.db"), read(store));
    EXPECT_TRUE(check_archive(dir_ / "a.backup", key_).ok());
}

TEST_F(Archive, AnEmptyStoreAndATinyOneRoundTripToo) {
    for (const std::size_t size : {std::size_t{0}, std::size_t{1}}) {
        const auto store = store_of(size);
        const auto out = dir_ / ("tiny-" + std::to_string(size) + ".backup");
        ASSERT_TRUE(write_archive(store, manifest(), key_, out).ok());
        const auto restored = dir_ / ("tiny-" + std::to_string(size) + ".db");
        ASSERT_TRUE(read_archive(out, key_, restored).ok());
        EXPECT_EQ(read(restored), read(store));
    }
}

TEST_F(Archive, AFileAlreadyThereIsNeverOverwritten) {
    const auto store = store_of(1000);
    write(dir_ / "taken.backup", "precious");
    const auto refused = write_archive(store, manifest(), key_, dir_ / "taken.backup");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, BackupError::exists);
    EXPECT_NE(refused.error().detail.find("choose another name"), std::string::npos);
    EXPECT_EQ(read(dir_ / "taken.backup"), "precious");
    // Restoring never writes over a file either.
    ASSERT_TRUE(write_archive(store, manifest(), key_, dir_ / "a.backup").ok());
    EXPECT_EQ(read_archive(dir_ / "a.backup", key_, dir_ / "taken.backup").error().code,
              BackupError::io);
    EXPECT_EQ(read(dir_ / "taken.backup"), "precious");
}

TEST_F(Archive, AnotherKeyIsToldApartFromDamage) {
    const auto store = store_of(600 * 1024);
    ASSERT_TRUE(write_archive(store, manifest(), key_, dir_ / "a.backup").ok());
    const auto refused = read_archive(dir_ / "a.backup", other_key_, dir_ / "out.db");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, BackupError::wrong_key);
    EXPECT_NE(refused.error().detail.find("sealed with another key"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir_ / "out.db"));
}

TEST_F(Archive, AByteChangedAnywhereIsFoundAndNothingIsLeftBehind) {
    const auto store = store_of(600 * 1024);
    ASSERT_TRUE(write_archive(store, manifest(), key_, dir_ / "a.backup").ok());
    const auto good = read(dir_ / "a.backup");
    // In the header line, the first part's body, a later part, and the very last byte.
    for (const std::size_t at : {std::size_t{15}, std::size_t{100}, good.size() / 2,
                                 good.size() - 1}) {
        auto bad = good;
        bad[at] = static_cast<char>(bad[at] ^ 0x20);
        write(dir_ / "bad.backup", bad);
        const auto refused = read_archive(dir_ / "bad.backup", key_, dir_ / "out.db");
        ASSERT_FALSE(refused.ok()) << "byte " << at;
        EXPECT_NE(refused.error().code, BackupError::wrong_key) << "byte " << at;
        EXPECT_FALSE(fs::exists(dir_ / "out.db")) << "byte " << at;
    }
}

TEST_F(Archive, AFileCutShortAnywhereIsRefusedAsCutShort) {
    const auto store = store_of(600 * 1024);
    ASSERT_TRUE(write_archive(store, manifest(), key_, dir_ / "a.backup").ok());
    const auto good = read(dir_ / "a.backup");
    for (const std::size_t size : {std::size_t{30}, std::size_t{60}, good.size() / 3,
                                   good.size() - 1}) {
        write(dir_ / "cut.backup", good.substr(0, size));
        const auto refused = read_archive(dir_ / "cut.backup", key_, dir_ / "out.db");
        ASSERT_FALSE(refused.ok()) << size;
        EXPECT_EQ(refused.error().code, BackupError::truncated) << size;
        EXPECT_NE(refused.error().detail.find("cut short (" + std::to_string(size) + " bytes)"),
                  std::string::npos)
            << refused.error().detail;
        EXPECT_FALSE(fs::exists(dir_ / "out.db"));
    }
    // Bytes after the last part are damage, not a longer backup.
    write(dir_ / "long.backup", good + "x");
    EXPECT_EQ(read_archive(dir_ / "long.backup", key_, dir_ / "out.db").error().code,
              BackupError::damaged);
}

TEST_F(Archive, ANewerFormatAndAnotherFileAreNamedAsSuch) {
    const auto store = store_of(1000);
    ASSERT_TRUE(write_archive(store, manifest(), key_, dir_ / "a.backup").ok());
    auto newer = read(dir_ / "a.backup");
    newer.replace(0, 17, "REMPART-BACKUP 2\n");
    write(dir_ / "newer.backup", newer);
    const auto refused = check_archive(dir_ / "newer.backup", key_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, BackupError::newer);
    EXPECT_NE(refused.error().detail.find("newer Rempart (backup format 2"), std::string::npos);

    for (const std::string other : {"", "SQLite format 3", "REMPART-BACKUP \n", "REMPART-BACKUP x\n"}) {
        write(dir_ / "other", other);
        EXPECT_EQ(check_archive(dir_ / "other", key_).error().code, BackupError::not_a_backup)
            << other;
    }
    EXPECT_EQ(check_archive(dir_ / "missing.backup", key_).error().code, BackupError::io);
}

}  // namespace
}  // namespace rempart::backup
