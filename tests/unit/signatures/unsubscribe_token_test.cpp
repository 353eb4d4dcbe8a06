// Unsubscribe links: each names its signature, stays the same, and cannot be forged.
#include "signatures/unsubscribe_token.hpp"

#include <gtest/gtest.h>

namespace rempart::signatures {
namespace {

constexpr std::string_view unsubscribe_secret = "0123456789abcdef0123456789abcdef";

TEST(UnsubscribeToken, NamesItsSignatureAndIsStable) {
    const auto token = unsubscribe_token(unsubscribe_secret, 4217);
    EXPECT_TRUE(token.starts_with("4217-"));
    EXPECT_EQ(token.size(), 5u + 32u);
    EXPECT_EQ(token, unsubscribe_token(unsubscribe_secret, 4217));
    EXPECT_EQ(read_unsubscribe_token(unsubscribe_secret, token), 4217);
    EXPECT_EQ(read_unsubscribe_token(unsubscribe_secret, unsubscribe_token(unsubscribe_secret, 0)),
              0);
}

TEST(UnsubscribeToken, RefusesWhatTheServerDidNotMake) {
    const auto token = unsubscribe_token(unsubscribe_secret, 4217);
    // Another server's secret, another id with this mac, a changed digit of the mac.
    EXPECT_FALSE(read_unsubscribe_token("another secret", token));
    EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, "4218" + token.substr(4)));
    auto changed = token;
    changed.back() = changed.back() == '0' ? '1' : '0';
    EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, changed));
    // The same id written another way would be a second link for one signature.
    EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, "0" + token));
    EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, "+" + token));
    for (const auto* junk : {"", "-", "4217", "4217-", "-0123456789abcdef0123456789abcdef",
                             "x-0123456789abcdef0123456789abcdef", "99999999999999999999-00"})
        EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, junk)) << junk;
    EXPECT_FALSE(read_unsubscribe_token(unsubscribe_secret, token + "0"));
}

}  // namespace
}  // namespace rempart::signatures
