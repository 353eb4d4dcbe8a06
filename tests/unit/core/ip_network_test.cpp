// Tests for core/ip_network: networks by prefix, and a dual-stack socket's IPv4 clients.
#include "core/ip_network.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

using boost::asio::ip::make_address;

TEST(Networks, ContainsByPrefix) {
    const auto net = parse_network("192.168.1.0/24");
    ASSERT_TRUE(net.ok());
    EXPECT_TRUE(net->contains(make_address("192.168.1.77")));
    EXPECT_FALSE(net->contains(make_address("192.168.2.1")));
    EXPECT_FALSE(net->contains(make_address("::1")));
    const auto v6 = parse_network("2001:db8::/32");
    ASSERT_TRUE(v6.ok());
    EXPECT_TRUE(v6->contains(make_address("2001:db8:1234::5")));
    EXPECT_FALSE(v6->contains(make_address("2001:db9::5")));
}

TEST(Networks, BareAddressIsOneHost) {
    const auto net = parse_network("127.0.0.1");
    ASSERT_TRUE(net.ok());
    EXPECT_EQ(net->prefix_length, 32u);
    EXPECT_FALSE(net->contains(make_address("127.0.0.2")));
}

TEST(Networks, RefusesBadPrefixes) {
    EXPECT_FALSE(parse_network("10.0.0.0/33").ok());
    EXPECT_FALSE(parse_network("10.0.0.0/").ok());
    EXPECT_FALSE(parse_network("10.0.0.0/8x").ok());
    EXPECT_FALSE(parse_network("::/129").ok());
    EXPECT_FALSE(parse_network("not-an-address").ok());
}

TEST(Networks, AMappedIpv4AddressIsInTheIpv4Network) {
    const auto list = NetworkList::parse({"127.0.0.0/8"});
    ASSERT_TRUE(list.ok());
    EXPECT_TRUE(list->contains(make_address("::ffff:127.0.0.1")));
    EXPECT_EQ(unmapped(make_address("::ffff:192.0.2.5")).to_string(), "192.0.2.5");
    EXPECT_EQ(unmapped(make_address("2001:db8::1")).to_string(), "2001:db8::1");
}

}  // namespace
}  // namespace rempart
