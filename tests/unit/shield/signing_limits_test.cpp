// Tests for the signing rate limits: each key holds its own line, a refusal drains nothing.
#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>

#include "shield/signing_limits.hpp"

namespace rempart::shield {
namespace {

NetworkKeys keys(const char* ip) {
    return network_keys(boost::asio::ip::make_address(ip));
}

// One token a minute after the burst.
SigningRateSettings tight() {
    SigningRateSettings limits;
    limits.per_ip = {1, 2};
    limits.per_network = {1, 3};
    limits.per_wide_network = {1, 100};
    limits.per_as = {1, 5};
    limits.per_domain = {1, 2};
    limits.per_petition = {1, 100};
    return limits;
}

TEST(SigningLimits, OneAddressIsHeldToItsBurstThenToldWhenToComeBack) {
    SigningLimits limits(tight());
    const auto now = Clock::now();
    EXPECT_TRUE(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).allowed);
    EXPECT_TRUE(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).allowed);
    const auto third = limits.admit(keys("192.0.2.1"), std::nullopt, "p", now);
    EXPECT_FALSE(third.allowed);
    EXPECT_EQ(third.refused_by, LimitKey::ip);
    EXPECT_GT(third.retry_after.count(), 0);
    EXPECT_LE(third.retry_after.count(), 60);
    EXPECT_TRUE(
        limits.admit(keys("192.0.2.1"), std::nullopt, "p", now + std::chrono::seconds(61)).allowed);
}

TEST(SigningLimits, ManyAddressesOfOneNetworkAreSeenAsOne) {
    SigningLimits limits(tight());
    const auto now = Clock::now();
    EXPECT_TRUE(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).allowed);
    EXPECT_TRUE(limits.admit(keys("192.0.2.2"), std::nullopt, "p", now).allowed);
    EXPECT_TRUE(limits.admit(keys("192.0.2.3"), std::nullopt, "p", now).allowed);
    const auto fourth = limits.admit(keys("192.0.2.4"), std::nullopt, "p", now);
    EXPECT_FALSE(fourth.allowed);
    EXPECT_EQ(fourth.refused_by, LimitKey::network);
    EXPECT_TRUE(limits.admit(keys("198.51.100.1"), std::nullopt, "p", now).allowed);
}

TEST(SigningLimits, ManyNetworksOfOneAsAreSeenAsOne) {
    SigningLimits limits(tight());
    const auto now = Clock::now();
    for (int i = 0; i < 5; ++i) {
        const auto ip = "10.0." + std::to_string(i) + ".1";
        EXPECT_TRUE(limits.admit(keys(ip.c_str()), 64500u, "p", now).allowed) << i;
    }
    const auto sixth = limits.admit(keys("10.0.9.1"), 64500u, "p", now);
    EXPECT_FALSE(sixth.allowed);
    EXPECT_EQ(sixth.refused_by, LimitKey::as);
    EXPECT_TRUE(limits.admit(keys("10.0.9.1"), 64501u, "p", now).allowed);
}

TEST(SigningLimits, ARefusalDrainsNoOtherBucket) {
    SigningLimits limits(tight());
    const auto now = Clock::now();
    // The network's three tokens: two for .1 (then refused by its own limit), one for .2.
    EXPECT_TRUE(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).allowed);
    EXPECT_TRUE(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).allowed);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(limits.admit(keys("192.0.2.1"), std::nullopt, "p", now).refused_by, LimitKey::ip);
    EXPECT_TRUE(limits.admit(keys("192.0.2.2"), std::nullopt, "p", now).allowed);
}

TEST(SigningLimits, IPv6PrefixesCountTheirOwnWay) {
    auto limits_config = tight();
    limits_config.per_network = {1, 100};
    limits_config.per_wide_network = {1, 2};
    SigningLimits limits(limits_config);
    const auto now = Clock::now();
    EXPECT_TRUE(limits.admit(keys("2001:db8:1:1::1"), std::nullopt, "p", now).allowed);
    EXPECT_TRUE(limits.admit(keys("2001:db8:1:2::1"), std::nullopt, "p", now).allowed);
    const auto third = limits.admit(keys("2001:db8:1:3::1"), std::nullopt, "p", now);
    EXPECT_EQ(third.refused_by, LimitKey::wide_network);
}

TEST(SigningLimits, DomainsHaveTheirOwnLimit) {
    SigningLimits limits(tight());
    const auto now = Clock::now();
    EXPECT_TRUE(limits.admit_domain("example.org", now).allowed);
    EXPECT_TRUE(limits.admit_domain("example.org", now).allowed);
    EXPECT_EQ(limits.admit_domain("example.org", now).refused_by, LimitKey::domain);
    EXPECT_TRUE(limits.admit_domain("example.net", now).allowed);
}

TEST(SigningLimits, TheDefaultsLetAViralPetitionThrough) {
    // 50 signatures a second for a minute, from 3,000 networks, a third of them on one AS
    // and a third through one mail domain: nothing refused.
    SigningLimits limits(SigningRateSettings{});
    auto now = Clock::now();
    int refused = 0;
    for (int i = 0; i < 3000; ++i) {
        const auto ip = "10." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ".7";
        const std::optional<std::uint32_t> as = i % 3 == 0 ? 3215u : 64500u + i % 97;
        refused += !limits.admit(keys(ip.c_str()), as, "viral", now).allowed;
        refused += !limits.admit_domain(i % 3 == 0 ? "gmail.com" : "example.org", now).allowed;
        now += std::chrono::milliseconds(20);
    }
    EXPECT_EQ(refused, 0);
}

}  // namespace
}  // namespace rempart::shield
