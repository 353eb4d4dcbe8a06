// Tests for back-office passwords: rules, argon2id hashes, one-time passwords.
#include <gtest/gtest.h>

#include <sodium.h>

#include <set>

#include "accounts/errors.hpp"
#include "accounts/password.hpp"

namespace rempart::accounts {
namespace {

TEST(PasswordRules, RefuseShortLongAndUnreadablePasswords) {
    EXPECT_EQ(check_password_rules("elevenchars").error().code, AccountError::password_too_short);
    EXPECT_TRUE(check_password_rules("twelve chars").ok());
    // Twelve characters, more bytes: the rule counts characters.
    EXPECT_TRUE(check_password_rules("éééééééééééé").ok());
    EXPECT_EQ(check_password_rules("ééééééééééé").error().code, AccountError::password_too_short);
    EXPECT_TRUE(check_password_rules(std::string(1024, 'a')).ok());
    EXPECT_EQ(check_password_rules(std::string(1025, 'a')).error().code,
              AccountError::password_too_long);
    EXPECT_EQ(check_password_rules("twelve chars\xff").error().code,
              AccountError::password_invalid_utf8);
}

TEST(PasswordHash, IsArgon2idWithInteractiveCostsAndVerifies) {
    const auto hash = hash_password("correct horse battery");
    ASSERT_TRUE(hash.ok());
    EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
    EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
    EXPECT_FALSE(verify_password(*hash, "correct horse batterz"));
    EXPECT_FALSE(verify_password(*hash, ""));
    EXPECT_FALSE(password_needs_rehash(*hash));
}

TEST(PasswordHash, SaltsEachHash) {
    const PasswordCost cheap{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    EXPECT_NE(*hash_password("same password", cheap), *hash_password("same password", cheap));
}

TEST(PasswordHash, CheaperOrForeignHashesNeedARehash) {
    const PasswordCost cheap{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    const auto hash = hash_password("correct horse battery", cheap);
    ASSERT_TRUE(hash.ok());
    EXPECT_TRUE(verify_password(*hash, "correct horse battery"));
    EXPECT_TRUE(password_needs_rehash(*hash));
    EXPECT_FALSE(password_needs_rehash(*hash, cheap));
    EXPECT_TRUE(password_needs_rehash("$2y$10$notargon"));
    EXPECT_TRUE(password_needs_rehash(""));
}

TEST(PasswordHash, MalformedHashesVerifyNothing) {
    EXPECT_FALSE(verify_password("", "x"));
    EXPECT_FALSE(verify_password("$argon2id$garbage", "x"));
    EXPECT_FALSE(verify_password(std::string(500, 'a'), "x"));
}

TEST(PasswordHash, DummyHashIsMadeOnceAndMatchesNoGuess) {
    const auto& first = dummy_password_hash();
    EXPECT_EQ(&first, &dummy_password_hash());
    EXPECT_TRUE(first.starts_with("$argon2id$"));
    EXPECT_FALSE(verify_password(first, ""));
    EXPECT_FALSE(verify_password(first, "password1234"));
}

TEST(OneTimePassword, IsLongReadableAndMeetsTheRules) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const auto password = new_one_time_password();
        EXPECT_GE(password.size(), 20u);
        EXPECT_TRUE(check_password_rules(password).ok());
        EXPECT_EQ(password.find_first_of("0O1lI"), std::string::npos) << password;
        seen.insert(password);
    }
    EXPECT_EQ(seen.size(), 50u);
}

}  // namespace
}  // namespace rempart::accounts
