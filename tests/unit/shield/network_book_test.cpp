// Tests for shield/network_book: which networks are known, and what a wave cannot teach it.
#include "shield/network_book.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

using boost::asio::ip::address_v4;

TrafficKey network(std::uint32_t n) {
    return traffic_keys(address_v4(0xC0A80000u + n * 256)).wide;
}

TEST(NetworkBook, ANetworkIsKnownOnlyAfterItsTime) {
    NetworkBook book(600, 86400, 1000);
    EXPECT_FALSE(book.visit(network(1), 1000));
    EXPECT_FALSE(book.visit(network(1), 1599));
    EXPECT_TRUE(book.visit(network(1), 1600));
    EXPECT_FALSE(book.visit(network(2), 1600));
}

TEST(NetworkBook, NetworksFirstSeenDuringAWaveAreNotWrittenDown) {
    NetworkBook book(0, 86400, 1000);
    EXPECT_FALSE(book.visit(network(1), 1000, false));
    EXPECT_FALSE(book.visit(network(1), 5000, false));
    EXPECT_EQ(book.size(), 0u);
    // One seen in calm times before stays known during the wave.
    book.visit(network(2), 1000);
    EXPECT_TRUE(book.visit(network(2), 5000, false));
}

TEST(NetworkBook, NetworksUnseenForLongAreForgotten) {
    NetworkBook book(0, 3600, 1000);
    book.visit(network(1), 1000);
    book.visit(network(2), 4000);
    book.forget_stale(5000);
    EXPECT_EQ(book.size(), 1u);
    EXPECT_TRUE(book.visit(network(2), 5000));
}

TEST(NetworkBook, AFullBookKeepsTheNetworksItKnows) {
    NetworkBook book(0, 86400, 160);  // 10 a shard
    for (std::uint32_t n = 0; n < 10'000; ++n) book.visit(network(n), 1000);
    EXPECT_LE(book.size(), 160u);
    std::size_t known = 0;
    for (std::uint32_t n = 0; n < 10'000; ++n) known += book.visit(network(n), 2000);
    EXPECT_EQ(known, book.size());
}

}  // namespace
}  // namespace rempart::shield
