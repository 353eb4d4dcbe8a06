// Tests for shield/traffic_limits: per address, network and AS, following the usual traffic.
#include "shield/traffic_limits.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace rempart::shield {
namespace {

using boost::asio::ip::address_v4;
using boost::asio::ip::make_address;

constexpr std::int64_t limits_t0 = 1'700'000'040'000;  // a minute's start, in ms
constexpr std::int64_t minute = 60'000;

TrafficSettings small() {
    TrafficSettings settings;
    settings.per_ip = 10;
    settings.network_floor = 30;
    settings.network_share = 0.5;
    settings.as_floor = 100;
    settings.as_share = 0.5;
    settings.unlimited_ases = {3215};
    return settings;
}

TrafficKeys host_keys(std::uint32_t n, std::uint32_t as = 16276) {
    return traffic_keys(address_v4(0x7F0A0000u + n), as);  // 127.10.0.0/16
}

TEST(TrafficLimits, OneAddressGetsItsLimitAMinuteThenWaits) {
    TrafficLimits limits(small());
    for (int i = 0; i < 10; ++i)
        EXPECT_TRUE(limits.check(host_keys(1), limits_t0 + i).allowed()) << i;
    const auto refused = limits.check(host_keys(1), limits_t0 + 10);
    EXPECT_EQ(refused.refused_by, TrafficLimitKind::address);
    EXPECT_GE(refused.retry_after.count(), 1);
    // A refused request takes nothing: two minutes later the address starts afresh.
    EXPECT_TRUE(limits.check(host_keys(1), limits_t0 + 2 * minute).allowed());
}

TEST(TrafficLimits, RetryAfterIsWhenTheSlidingMinuteLeavesRoom) {
    TrafficLimits limits(small());
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(limits.check(host_keys(1), limits_t0 + i).allowed());
    const auto refused = limits.check(host_keys(1), limits_t0 + 30'000);
    ASSERT_FALSE(refused.allowed());
    // All ten fall in this minute: room comes back only as they fade in the next.
    EXPECT_GE(refused.retry_after.count(), 30);
    EXPECT_LE(refused.retry_after.count(), 37);
    const auto at =
        std::chrono::milliseconds(refused.retry_after) + std::chrono::milliseconds(30'000);
    EXPECT_TRUE(limits.check(host_keys(1), limits_t0 + at.count()).allowed());
    EXPECT_FALSE(limits.check(host_keys(1), limits_t0 + at.count() - 2'000).allowed());
}

TEST(TrafficLimits, ManyAddressesUnderTheirLimitStillFillTheirNetwork) {
    TrafficLimits limits(small());
    int allowed = 0;
    for (std::uint32_t n = 1; n <= 60; ++n)
        allowed += limits.check(host_keys(n), limits_t0 + n).allowed();
    EXPECT_EQ(allowed, 30);  // the /24's floor, though each address sent one
    // Another /24 of the same AS is not held by the first one's limit.
    EXPECT_TRUE(limits.check(host_keys(256 + 1), limits_t0 + 100).allowed());
}

TEST(TrafficLimits, ManyNetworksOfOneHostingAsFillTheAs) {
    TrafficLimits limits(small());
    int allowed = 0;
    TrafficLimitKind last = TrafficLimitKind::none;
    for (std::uint32_t n = 0; n < 400; ++n) {
        // One request from each of 400 /24s of one AS.
        const auto decision = limits.check(host_keys(n * 256 + 1), limits_t0 + n);
        allowed += decision.allowed();
        if (!decision.allowed()) last = decision.refused_by;
    }
    EXPECT_EQ(allowed, 100);
    EXPECT_EQ(last, TrafficLimitKind::as);
}

TEST(TrafficLimits, AnEyeballIspHasNoAsLimit) {
    TrafficLimits limits(small());
    int allowed = 0;
    for (std::uint32_t n = 0; n < 400; ++n)
        allowed += limits.check(host_keys(n * 256 + 1, 3215), limits_t0 + n).allowed();
    EXPECT_EQ(allowed, 400);
    EXPECT_TRUE(std::isinf(limits.as_limit(3215)));
    EXPECT_TRUE(std::isinf(limits.as_limit(0)));  // unknown to the AS table
}

TEST(TrafficLimits, NetworkAndAsLimitsFollowTheUsualTraffic) {
    TrafficLimits limits(small());
    EXPECT_EQ(limits.network_limit(), 30);
    EXPECT_EQ(limits.as_limit(16276), 100);
    limits.set_usual_per_minute(1000);  // a busy site: half of it may come from one network
    EXPECT_EQ(limits.network_limit(), 500);
    EXPECT_EQ(limits.as_limit(16276), 500);
    int allowed = 0;
    for (std::uint32_t n = 1; n <= 100; ++n)
        allowed += limits.check(host_keys(n), limits_t0 + n).allowed();
    EXPECT_EQ(allowed, 100);
}

TEST(TrafficLimits, WithoutTheAddressLimitAClearedBrowserIsHeldByItsNetworkOnly) {
    TrafficLimits limits(small());
    int allowed = 0;
    for (int i = 0; i < 50; ++i)
        allowed += limits.check(host_keys(1), limits_t0 + i, false).allowed();
    EXPECT_EQ(allowed, 30);
}

TEST(TrafficLimits, AnIpv6ClientIsHeldByItsSlash48Too) {
    TrafficLimits limits(small());
    int allowed = 0;
    // 60 different /64s of one /48, one request each.
    for (unsigned n = 0; n < 60; ++n) {
        const auto text = "2001:db8:1:" + std::to_string(n) + "::1";
        allowed += limits.check(traffic_keys(make_address(text)), limits_t0 + n).allowed();
    }
    EXPECT_EQ(allowed, 30);
}

TEST(TrafficLimits, MemoryStaysBoundedUnderAFloodOfFreshAddresses) {
    TrafficLimits limits(small(), 1600);
    for (std::uint32_t n = 0; n < 100'000; ++n)
        limits.check(traffic_keys(address_v4(0x0A000000u + n * 7919u)), limits_t0 + n);
    EXPECT_LE(limits.tracked_keys(), 1600u);
}

}  // namespace
}  // namespace rempart::shield
