// Tests for confirmation link tokens and the keyed hashes of the events.
#include <gtest/gtest.h>

#include <set>

#include "signatures/link_token.hpp"

namespace rempart::signatures {
namespace {

TEST(LinkToken, IsLongUrlSafeAndNeverRepeats) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto token = new_link_token();
        EXPECT_TRUE(looks_like_link_token(token)) << token;
        EXPECT_TRUE(seen.insert(token).second);
    }
}

TEST(LinkToken, OnlyTheHashIsKeptAndItIsStable) {
    const auto token = new_link_token();
    EXPECT_EQ(link_token_hash(token), link_token_hash(token));
    EXPECT_EQ(link_token_hash(token).size(), 64u);
    EXPECT_NE(link_token_hash(token), link_token_hash(new_link_token()));
    EXPECT_EQ(link_token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(LinkToken, AnythingElseIsNotAToken) {
    EXPECT_FALSE(looks_like_link_token(""));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a')));
    EXPECT_FALSE(looks_like_link_token(std::string(44, 'a')));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a') + "/"));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a') + "."));
    EXPECT_TRUE(looks_like_link_token(std::string(41, 'a') + "-_"));
}

TEST(KeyedHash, EqualTextsGiveEqualKeysUnderOneSecretOnly) {
    EXPECT_EQ(keyed_hash("s1", "name", "jeff bezos"), keyed_hash("s1", "name", "jeff bezos"));
    EXPECT_NE(keyed_hash("s1", "name", "jeff bezos"), keyed_hash("s2", "name", "jeff bezos"));
    EXPECT_NE(keyed_hash("s1", "name", "jeff bezos"), keyed_hash("s1", "comment", "jeff bezos"));
    EXPECT_NE(keyed_hash("s1", "name", "a"), keyed_hash("s1", "name", "b"));
    EXPECT_EQ(keyed_hash("s1", "name", "x").size(), 32u);
}

}  // namespace
}  // namespace rempart::signatures
