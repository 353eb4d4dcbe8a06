// Tests for confirmation link tokens and the keyed hashes of the events.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

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

TEST(LinkToken, OnlyTheHashIsKeptBehindTheTokensTime) {
    const auto token = new_link_token();
    ASSERT_EQ(token.size(), 44u);
    const auto key = link_token_hash(token);
    EXPECT_EQ(key, link_token_hash(token));
    EXPECT_EQ(key.size(), 12u + 64u);
    EXPECT_EQ(key.substr(0, 12), token.substr(0, 12));
    EXPECT_EQ(key.find(token.substr(12)), std::string::npos);  // nothing random in clear
    EXPECT_NE(key, link_token_hash(new_link_token()));
    EXPECT_EQ(link_token_hash("0123456789ab" + std::string(32, 'A')).substr(0, 12), "0123456789ab");
}

TEST(LinkToken, KeysMadeLaterSortAfter) {
    // So that each new key goes at the end of the store's index.
    const auto earlier = link_token_hash(new_link_token());
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    const auto later = link_token_hash(new_link_token());
    EXPECT_LT(earlier.substr(0, 12), later.substr(0, 12));
    EXPECT_LT(earlier, later);
}

TEST(LinkToken, ALinkMailedBeforeTokensCarriedTheirTimeKeepsItsKey) {
    const std::string older(43, 'a');
    EXPECT_TRUE(looks_like_link_token(older));
    EXPECT_TRUE(looks_like_link_token(std::string(41, 'a') + "-_"));
    EXPECT_EQ(link_token_hash("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(link_token_hash(older).size(), 64u);
}

TEST(LinkToken, AnythingElseIsNotAToken) {
    EXPECT_FALSE(looks_like_link_token(""));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a')));
    EXPECT_FALSE(looks_like_link_token(std::string(45, 'a')));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a') + "/"));
    EXPECT_FALSE(looks_like_link_token(std::string(42, 'a') + "."));
    // 44 characters: the first 12 must be lowercase hex, the rest URL-safe base64.
    EXPECT_TRUE(looks_like_link_token("0123456789ab" + std::string(30, 'Z') + "-_"));
    EXPECT_FALSE(looks_like_link_token("0123456789aB" + std::string(32, 'Z')));
    EXPECT_FALSE(looks_like_link_token("0123456789ag" + std::string(32, 'Z')));
    EXPECT_FALSE(looks_like_link_token("0123456789ab" + std::string(31, 'Z') + "."));
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
