// Tests for shield/network: the keys that group a provider's addresses together.
#include "shield/network.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

using boost::asio::ip::make_address;

TEST(NetworkKeys, Ipv4GroupsBySlash24) {
    const auto keys = network_keys(make_address("203.0.113.77"));
    EXPECT_EQ(keys.address, "ip:203.0.113.77");
    EXPECT_EQ(keys.narrow, "net:203.0.113.0/24");
    EXPECT_EQ(keys.wide, "net:203.0.113.0/24");
    EXPECT_EQ(network_keys(make_address("203.0.113.1")).narrow, keys.narrow);
    EXPECT_NE(network_keys(make_address("203.0.114.1")).narrow, keys.narrow);
}

TEST(NetworkKeys, Ipv6GroupsBySlash64AndSlash48) {
    const auto keys = network_keys(make_address("2001:db8:1:2:3:4:5:6"));
    EXPECT_EQ(keys.address, "ip:2001:db8:1:2:3:4:5:6");
    EXPECT_EQ(keys.narrow, "net:2001:db8:1:2::/64");
    EXPECT_EQ(keys.wide, "net:2001:db8:1::/48");
    // Another device of the same household, and another household of the same site.
    EXPECT_EQ(network_keys(make_address("2001:db8:1:2::99")).narrow, keys.narrow);
    EXPECT_EQ(network_keys(make_address("2001:db8:1:ffff::1")).wide, keys.wide);
    EXPECT_NE(network_keys(make_address("2001:db8:1:ffff::1")).narrow, keys.narrow);
}

TEST(NetworkKeys, MappedIpv4CountsAsIpv4) {
    EXPECT_EQ(network_keys(make_address("::ffff:198.51.100.9")).narrow, "net:198.51.100.0/24");
}

TEST(SubscriberKey, IsTheAddressForIpv4AndTheSlash64ForIpv6) {
    EXPECT_EQ(subscriber_key("203.0.113.7"), "ip:203.0.113.7");
    EXPECT_NE(subscriber_key("203.0.113.8"), subscriber_key("203.0.113.7"));
    EXPECT_EQ(subscriber_key("::ffff:203.0.113.7"), "ip:203.0.113.7");
    EXPECT_EQ(subscriber_key("2001:db8:1:2::1"), "net:2001:db8:1:2::/64");
    EXPECT_EQ(subscriber_key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "net:2001:db8:1:2::/64");
    EXPECT_NE(subscriber_key("2001:db8:1:3::1"), subscriber_key("2001:db8:1:2::1"));
    EXPECT_EQ(subscriber_key("not an address"), "ip:not an address");
}

TEST(NarrowNetwork, IsTheSlash24ForIpv4AndTheSlash64ForIpv6) {
    EXPECT_EQ(narrow_network("203.0.113.7"), "net:203.0.113.0/24");
    EXPECT_EQ(narrow_network("2001:db8:1:2::1"), "net:2001:db8:1:2::/64");
    EXPECT_EQ(narrow_network("nonsense"), "ip:nonsense");
}

}  // namespace
}  // namespace rempart::shield
