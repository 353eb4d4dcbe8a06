// Tests for core/secret: made once, private, kept, and never silently replaced.
#include "core/secret.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace rempart {
namespace {

class Secret : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-secret-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::filesystem::path dir_;
};

TEST_F(Secret, IsMadeOnceAndKept) {
    const auto first = load_or_create_secret(dir_);
    ASSERT_TRUE(first.ok()) << first.error().detail;
    EXPECT_EQ(first->size(), 64u);
    const auto again = load_or_create_secret(dir_);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*first, *again);
    const auto perms = std::filesystem::status(dir_ / "secret.key").permissions();
    EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
              std::filesystem::perms::none);
}

TEST_F(Secret, AForeignFileIsRefusedNotReplaced) {
    std::ofstream(dir_ / "secret.key") << "not a secret\n";
    const auto secret = load_or_create_secret(dir_);
    ASSERT_FALSE(secret.ok());
    EXPECT_NE(secret.error().detail.find("secret.key"), std::string::npos);
    std::ifstream in(dir_ / "secret.key");
    std::string kept;
    std::getline(in, kept);
    EXPECT_EQ(kept, "not a secret");
}

}  // namespace
}  // namespace rempart
