// Tests for the IP-to-AS table: both file forms, range edges, IPv6, bad rows, the npm data.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "shield/asn_table.hpp"

namespace rempart::shield {
namespace {

using boost::asio::ip::make_address;

std::optional<std::uint32_t> as_of(const AsnTable& table, const char* ip) {
    const auto found = table.lookup(make_address(ip));
    if (!found) return std::nullopt;
    return found->number;
}

TEST(AsnTable, FindsTheRangeHoldingAnAddressAtBothEdges) {
    AsnTable table;
    ASSERT_TRUE(table
                    .add("1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"\n"
                         "1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd\n",
                         "t.csv")
                    .ok());
    EXPECT_EQ(as_of(table, "1.0.0.0"), 13335u);
    EXPECT_EQ(as_of(table, "1.0.0.255"), 13335u);
    EXPECT_EQ(as_of(table, "1.0.1.0"), std::nullopt);
    EXPECT_EQ(as_of(table, "1.0.5.9"), 38803u);
    EXPECT_EQ(as_of(table, "0.255.255.255"), std::nullopt);
    EXPECT_EQ(as_of(table, "9.9.9.9"), std::nullopt);
    EXPECT_EQ(table.lookup(make_address("1.0.0.7"))->organisation, "Cloudflare, Inc.");
}

TEST(AsnTable, ReadsNumericIPv4AndTextIPv6Rows) {
    AsnTable table;
    ASSERT_TRUE(table.add("16777216,16777471,13335,\"Cloudflare, Inc.\"\r\n", "v4.csv").ok());
    ASSERT_TRUE(table
                    .add("2001:db8::,2001:db8::ffff,64510,\"Doc \"\"quoted\"\" v6\"\n"
                         "2001:db9::,2001:db9::1,64511,\n",
                         "v6.csv")
                    .ok());
    EXPECT_EQ(as_of(table, "1.0.0.1"), 13335u);
    EXPECT_EQ(as_of(table, "::ffff:1.0.0.1"), 13335u);  // IPv4-mapped
    EXPECT_EQ(as_of(table, "2001:db8::42"), 64510u);
    EXPECT_EQ(table.lookup(make_address("2001:db8::42"))->organisation, "Doc \"quoted\" v6");
    EXPECT_EQ(as_of(table, "2001:db8::1:0"), std::nullopt);
    EXPECT_EQ(table.lookup(make_address("2001:db9::1"))->organisation, "");
    EXPECT_EQ(table.ranges(), 3u);
}

TEST(AsnTable, ABadRowNamesItsFileAndLine) {
    const std::pair<const char*, const char*> cases[] = {
        {"1.0.0.0,1.0.0.255,13335,x\n1.0.1.0,1.0.1.255,abc,y\n", "t.csv:2: the AS number"},
        {"1.0.0.0,1.0.0.255\n", "t.csv:1: expected start,end"},
        {"1.0.0.0,::1,5,x\n", "t.csv:1: expected two addresses"},
        {"1.0.0.9,1.0.0.1,5,x\n", "t.csv:1: the range ends before"},
        {"1.0.0.0,1.0.0.9,5,\"open\n", "t.csv:1: the organisation's quotes"},
        {"nonsense,here,5,x\n", "t.csv:1: expected two addresses"},
    };
    for (const auto& [csv, expected] : cases) {
        AsnTable table;
        const auto added = table.add(csv, "t.csv");
        ASSERT_FALSE(added.ok()) << csv;
        EXPECT_EQ(added.error().code, "asn.bad_row");
        EXPECT_NE(added.error().detail.find(expected), std::string::npos) << added.error().detail;
    }
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(AsnTable, TheNpmTablesLoad) {
    const std::string dir = REMPART_SOURCE_DIR "/node_modules/@ip-location-db/asn/";
    const auto v4 = read(dir + "asn-ipv4-num.csv");
    const auto v6 = read(dir + "asn-ipv6.csv");
    const auto started = std::chrono::steady_clock::now();
    AsnTable table;
    ASSERT_TRUE(table.add(v4, "asn-ipv4-num.csv").ok());
    ASSERT_TRUE(table.add(v6, "asn-ipv6.csv").ok());
    const auto took =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    std::cout << "loaded " << table.ranges() << " ranges in " << took.count() << " ms\n";
    EXPECT_GT(table.ranges(), 400000u);
    EXPECT_EQ(as_of(table, "1.1.1.1"), 13335u);
    EXPECT_EQ(as_of(table, "2001::1"), 6939u);
}

TEST(AsnTable, TheTestFixtureSplitsLoopbackIntoSeveralAses) {
    AsnTable table;
    ASSERT_TRUE(table.add(read(REMPART_SOURCE_DIR "/tests/fixtures/asn.csv"), "asn.csv").ok());
    EXPECT_EQ(as_of(table, "127.0.0.1"), 64500u);
    EXPECT_EQ(as_of(table, "127.1.2.3"), 64501u);
    EXPECT_EQ(as_of(table, "::1"), 64500u);
}

}  // namespace
}  // namespace rempart::shield
