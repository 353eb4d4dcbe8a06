// Tests for shield/traffic_key: which address, network and AS a request is counted under.
#include "shield/traffic_key.hpp"

#include <gtest/gtest.h>

#include <unordered_set>

namespace rempart::shield {
namespace {

using boost::asio::ip::make_address;

TEST(TrafficKey, AnIpv4AddressCountsUnderItsSlash24) {
    const auto a = traffic_keys(make_address("203.0.113.7"), 64500);
    const auto b = traffic_keys(make_address("203.0.113.200"), 64500);
    EXPECT_FALSE(a.address == b.address);
    EXPECT_EQ(a.network, b.network);
    EXPECT_EQ(a.wide, a.network);
    EXPECT_FALSE(a.wide_differs());
    EXPECT_EQ(a.as_key(), b.as_key());
    EXPECT_FALSE(a.network == traffic_keys(make_address("203.0.114.7")).network);
}

TEST(TrafficKey, AnIpv6AddressCountsUnderItsSlash64AndSlash48) {
    const auto a = traffic_keys(make_address("2001:db8:1:2::1"));
    const auto same_64 = traffic_keys(make_address("2001:db8:1:2:ffff::9"));
    const auto same_48 = traffic_keys(make_address("2001:db8:1:3::1"));
    const auto other_48 = traffic_keys(make_address("2001:db8:2:2::1"));
    EXPECT_EQ(a.network, same_64.network);
    EXPECT_FALSE(a.network == same_48.network);
    EXPECT_EQ(a.wide, same_48.wide);
    EXPECT_FALSE(a.wide == other_48.wide);
    EXPECT_TRUE(a.wide_differs());
}

TEST(TrafficKey, AnIpv4MappedAddressCountsAsIpv4) {
    EXPECT_EQ(traffic_keys(make_address("::ffff:203.0.113.7")).address,
              traffic_keys(make_address("203.0.113.7")).address);
}

TEST(TrafficKey, IPv4AndIpv6WithTheSameBitsStayApart) {
    // 0.0.0.1 and ::1 hold the same integers; the family keeps them apart.
    EXPECT_FALSE(traffic_keys(make_address("0.0.0.1")).address ==
                 traffic_keys(make_address("::1")).address);
}

TEST(TrafficKey, NeighbouringAddressesSpreadOverTheHash) {
    std::unordered_set<std::size_t> top_bits;
    for (unsigned i = 0; i < 256; ++i) {
        const auto keys = traffic_keys(boost::asio::ip::address_v4(0xCB007100u + i));
        top_bits.insert(TrafficKeyHash{}(keys.address) >> 58);
    }
    // The shard is chosen by the top bits: 256 neighbours must not all land in a few.
    EXPECT_GE(top_bits.size(), 48u);
}

}  // namespace
}  // namespace rempart::shield
