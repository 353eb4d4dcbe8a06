// Tests for net/client_address: networks, and X-Forwarded-For only from trusted proxies.
#include "net/client_address.hpp"

#include <gtest/gtest.h>

namespace rempart::net {
namespace {

using boost::asio::ip::make_address;

NetworkList trusted(std::vector<std::string> cidrs) {
    auto list = NetworkList::parse(cidrs);
    EXPECT_TRUE(list.ok());
    return *list;
}

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

TEST(ClientAddress, IgnoresForwardedForFromUntrustedPeers) {
    const auto list = trusted({"127.0.0.1/32"});
    EXPECT_EQ(client_address(make_address("203.0.113.9"), "198.51.100.1", list).to_string(),
              "203.0.113.9");
}

TEST(ClientAddress, TakesTheRightmostAddressNotAddedByOurProxies) {
    const auto list = trusted({"127.0.0.1/32", "10.0.0.0/8"});
    // The leftmost entry is whatever the client typed; the proxies appended the rest.
    EXPECT_EQ(client_address(make_address("127.0.0.1"), "6.6.6.6, 198.51.100.1, 10.1.2.3", list)
                  .to_string(),
              "198.51.100.1");
}

TEST(ClientAddress, AcceptsPortsAndBracketedIpv6) {
    const auto list = trusted({"127.0.0.1"});
    EXPECT_EQ(client_address(make_address("127.0.0.1"), "198.51.100.1:4711", list).to_string(),
              "198.51.100.1");
    EXPECT_EQ(client_address(make_address("127.0.0.1"), "[2001:db8::7]:443", list).to_string(),
              "2001:db8::7");
    EXPECT_EQ(client_address(make_address("127.0.0.1"), "2001:db8::8", list).to_string(),
              "2001:db8::8");
}

TEST(ClientAddress, GarbageStopsAtTheLastKnownHop) {
    const auto list = trusted({"127.0.0.1"});
    EXPECT_EQ(client_address(make_address("127.0.0.1"), "nonsense", list).to_string(), "127.0.0.1");
}

TEST(ClientAddress, MappedIpv4ComesOutAsIpv4) {
    const NetworkList none;
    EXPECT_EQ(client_address(make_address("::ffff:192.0.2.5"), "", none).to_string(), "192.0.2.5");
}

}  // namespace
}  // namespace rempart::net
