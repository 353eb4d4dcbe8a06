// Tests for session and CSRF tokens.
#include <gtest/gtest.h>

#include "accounts/tokens.hpp"

namespace rempart::accounts {
namespace {

TEST(SessionToken, IsThirtyTwoRandomBytesInUrlSafeBase64) {
    const auto a = new_session_token();
    const auto b = new_session_token();
    EXPECT_EQ(a.size(), 43u);
    EXPECT_NE(a, b);
    EXPECT_TRUE(looks_like_session_token(a));
    EXPECT_FALSE(looks_like_session_token(a.substr(1)));
    EXPECT_FALSE(looks_like_session_token(a.substr(1) + "="));
}

TEST(SessionToken, StoreKeepsOnlyItsSha256) {
    // SHA-256("abc"), FIPS 180-2.
    EXPECT_EQ(session_token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const auto token = new_session_token();
    EXPECT_EQ(session_token_hash(token).size(), 64u);
    EXPECT_EQ(session_token_hash(token).find(token), std::string::npos);
}

TEST(CsrfToken, MatchesOnlyItself) {
    const auto token = new_csrf_token();
    EXPECT_TRUE(csrf_token_matches(token, token));
    EXPECT_FALSE(csrf_token_matches(token, new_csrf_token()));
    EXPECT_FALSE(csrf_token_matches(token, token.substr(1)));
    EXPECT_FALSE(csrf_token_matches(token, ""));
    EXPECT_FALSE(csrf_token_matches("", ""));
    std::string changed = token;
    changed.back() = changed.back() == 'A' ? 'B' : 'A';
    EXPECT_FALSE(csrf_token_matches(token, changed));
}

}  // namespace
}  // namespace rempart::accounts
