// Tests for the ban list: keys banned until a time, the later end kept, lifted early.
#include "shield/ban_list.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

TEST(BanList, NobodyIsBannedAtFirst) {
    BanList bans;
    EXPECT_FALSE(bans.banned_until({"net:192.0.2.0/24", "as:64500"}, 1000));
    EXPECT_EQ(bans.active(1000), 0u);
}

TEST(BanList, AnyBannedKeyRefusesUntilItsEnd) {
    BanList bans;
    bans.ban("as:64502", 60'000, 0);
    EXPECT_EQ(bans.banned_until({"net:127.2.0.0/24", "as:64502"}, 1000), 60'000);
    EXPECT_FALSE(bans.banned_until({"net:127.2.0.0/24", "as:64500"}, 1000));
    EXPECT_FALSE(bans.banned_until({"net:127.2.0.0/24", "as:64502"}, 60'000));
}

TEST(BanList, TheLatestEndWinsAcrossKeysAndBans) {
    BanList bans;
    bans.ban("net:192.0.2.0/24", 50'000, 0);
    bans.ban("as:64503", 90'000, 0);
    bans.ban("net:192.0.2.0/24", 20'000, 0);  // a shorter ban does not shorten it
    EXPECT_EQ(bans.banned_until({"net:192.0.2.0/24"}, 1000), 50'000);
    EXPECT_EQ(bans.banned_until({"net:192.0.2.0/24", "as:64503"}, 1000), 90'000);
}

TEST(BanList, LiftEndsABanAtOnce) {
    BanList bans;
    bans.ban("net:192.0.2.0/24", 50'000, 0);
    bans.lift("net:192.0.2.0/24");
    EXPECT_FALSE(bans.banned_until({"net:192.0.2.0/24"}, 1000));
    bans.lift("net:never.banned");  // lifting what is not banned is harmless
}

TEST(BanList, EndedBansAreForgottenOnTheNextBan) {
    BanList bans;
    bans.ban("net:192.0.2.0/24", 10'000, 0);
    bans.ban("as:64500", 90'000, 20'000);
    EXPECT_EQ(bans.active(0), 1u);  // the first one is gone, not merely over
}

}  // namespace
}  // namespace rempart::shield
