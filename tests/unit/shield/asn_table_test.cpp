// Tests for the IP-to-AS table: the three row forms, range edges, overlaps, bad rows, npm data.
#include "shield/asn_table.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "shield/errors.hpp"

namespace rempart::shield {
namespace {

using boost::asio::ip::make_address;

std::optional<std::uint32_t> as_of(const AsnTable& table, const char* ip) {
    const auto found = table.lookup(make_address(ip));
    if (!found) return std::nullopt;
    return found->number;
}

std::string organisation_of(const AsnTable& table, const char* ip) {
    const auto found = table.lookup(make_address(ip));
    return found ? std::string(found->organisation) : "(none)";
}

AsnTable parsed(std::string_view csv) {
    auto table = AsnTable::parse(csv, "test.csv");
    EXPECT_TRUE(table.ok()) << table.error().detail;
    return std::move(*table);
}

TEST(AsnTable, FindsTheRangeHoldingAnAddressAtBothEdges) {
    const auto table = parsed(
        "1.0.0.0,1.0.0.255,13335,\"Cloudflare, Inc.\"\n"
        "1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd\n");
    EXPECT_EQ(as_of(table, "1.0.0.0"), 13335u);
    EXPECT_EQ(as_of(table, "1.0.0.255"), 13335u);
    EXPECT_EQ(as_of(table, "1.0.1.0"), std::nullopt);  // between ranges
    EXPECT_EQ(as_of(table, "1.0.3.255"), std::nullopt);
    EXPECT_EQ(as_of(table, "1.0.4.0"), 38803u);
    EXPECT_EQ(as_of(table, "1.0.5.9"), 38803u);
    EXPECT_EQ(as_of(table, "1.0.7.255"), 38803u);
    EXPECT_EQ(as_of(table, "0.255.255.255"), std::nullopt);  // before the first
    EXPECT_EQ(as_of(table, "1.0.8.0"), std::nullopt);        // after the last
    EXPECT_EQ(as_of(table, "255.255.255.255"), std::nullopt);
    EXPECT_EQ(as_of(table, "2001:db8::1"), std::nullopt);  // no IPv6 at all
    EXPECT_EQ(organisation_of(table, "1.0.0.7"), "Cloudflare, Inc.");
    EXPECT_EQ(table.ranges(), 2u);
}

TEST(AsnTable, AnEmptyTableFindsNothing) {
    const auto table = parsed("");
    EXPECT_EQ(table.ranges(), 0u);
    EXPECT_EQ(as_of(table, "1.1.1.1"), std::nullopt);
    EXPECT_EQ(as_of(table, "::1"), std::nullopt);
}

TEST(AsnTable, EachRowMayUseAnyOfTheThreeForms) {
    const auto table = parsed(
        "16777216,16777471,13335,\"Cloudflare, Inc.\"\n"   // IPv4 as numbers
        "2.0.0.0,2.0.0.255,3215,Orange S.A.\n"             // IPv4 as text
        "2001:db8::,2001:db8::ffff,64510,Documentation\n"  // IPv6 as text
        "0,255,64511,Zero\n"
        "4294967040,4294967295,64512,Top\n");
    EXPECT_EQ(as_of(table, "1.0.0.1"), 13335u);
    EXPECT_EQ(as_of(table, "2.0.0.128"), 3215u);
    EXPECT_EQ(as_of(table, "2001:db8::42"), 64510u);
    EXPECT_EQ(as_of(table, "2001:db8::ffff"), 64510u);
    EXPECT_EQ(as_of(table, "2001:db8::1:0"), std::nullopt);
    EXPECT_EQ(as_of(table, "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"), std::nullopt);
    EXPECT_EQ(as_of(table, "0.0.0.0"), 64511u);
    EXPECT_EQ(as_of(table, "255.255.255.255"), 64512u);
    EXPECT_EQ(table.ranges(), 5u);
}

TEST(AsnTable, IPv4MappedAddressesLookUpAsIPv4) {
    const auto table = parsed("1.0.0.0,1.0.0.255,13335,x\n::ffff:0:0,::ffff:ffff:ffff,1,mapped\n");
    EXPECT_EQ(as_of(table, "::ffff:1.0.0.1"), 13335u);
    EXPECT_EQ(as_of(table, "::ffff:9.9.9.9"), std::nullopt);
    EXPECT_EQ(as_of(table, "::1.0.0.1"), std::nullopt);  // IPv4-compatible is not mapped
}

TEST(AsnTable, IPv6RangesCrossingSixtyFourBitsAreFound) {
    const auto table = parsed(
        "2a01:e00::,2a01:e03:ffff:ffff:ffff:ffff:ffff:ffff,12322,Free SAS\n"
        "2001:db8:0:0:ffff:ffff:ffff:ff00,2001:db8:0:1::ff,64500,Across\n");
    EXPECT_EQ(as_of(table, "2a01:e00::"), 12322u);
    EXPECT_EQ(as_of(table, "2a01:e02:1234::1"), 12322u);
    EXPECT_EQ(as_of(table, "2a01:e03:ffff:ffff:ffff:ffff:ffff:ffff"), 12322u);
    EXPECT_EQ(as_of(table, "2a01:e04::"), std::nullopt);
    EXPECT_EQ(as_of(table, "2001:db8::ffff:ffff:ffff:ffff"), 64500u);
    EXPECT_EQ(as_of(table, "2001:db8:0:1::"), 64500u);
    EXPECT_EQ(as_of(table, "2001:db8:0:1::100"), std::nullopt);
}

TEST(AsnTable, OrganisationsAreReadAsCsvAndStoredOnce) {
    const auto table = parsed(
        "1.0.0.0,1.0.0.255,1,\"LLC \"\"SPUTNIK\"\"\"\n"
        "1.0.1.0,1.0.1.255,2,\"Doe, \"\"John\"\", and Co\"\n"
        "1.0.2.0,1.0.2.255,3,Acme, Inc. (unquoted, to the end)\n"
        "1.0.3.0,1.0.3.255,4,\n"
        "1.0.4.0,1.0.4.255,5\n"
        "1.0.5.0,1.0.5.255,6,\"\"\n"
        "1.0.6.0,1.0.6.255,7,  Spaced Out  \n"
        "1.0.7.0,1.0.7.255,8,\"LLC \"\"SPUTNIK\"\"\"\n"
        "1.0.8.0,1.0.8.255,AS9,Télécom ünïcode\n");
    EXPECT_EQ(organisation_of(table, "1.0.0.1"), "LLC \"SPUTNIK\"");
    EXPECT_EQ(organisation_of(table, "1.0.1.1"), "Doe, \"John\", and Co");
    EXPECT_EQ(organisation_of(table, "1.0.2.1"), "Acme, Inc. (unquoted, to the end)");
    EXPECT_EQ(organisation_of(table, "1.0.3.1"), "");
    EXPECT_EQ(organisation_of(table, "1.0.4.1"), "");
    EXPECT_EQ(organisation_of(table, "1.0.5.1"), "");
    EXPECT_EQ(organisation_of(table, "1.0.6.1"), "Spaced Out");
    EXPECT_EQ(as_of(table, "1.0.8.1"), 9u);  // "AS9"
    EXPECT_EQ(organisation_of(table, "1.0.8.1"), "Télécom ünïcode");
    // One copy of a name, however many ranges carry it.
    EXPECT_EQ(table.lookup(make_address("1.0.0.1"))->organisation.data(),
              table.lookup(make_address("1.0.7.1"))->organisation.data());
}

TEST(AsnTable, CommentsBlankLinesCarriageReturnsAndAByteOrderMarkAreFine) {
    const auto table = parsed(
        "\xEF\xBB\xBF# our own networks\r\n"
        "\r\n"
        "  # indented comment\n"
        "192.0.2.0,192.0.2.255,64500,Office\r\n"
        "\n"
        "198.51.100.0,198.51.100.255,64501,\"Lab\"\r\n");
    EXPECT_EQ(organisation_of(table, "192.0.2.9"), "Office");
    EXPECT_EQ(organisation_of(table, "198.51.100.9"), "Lab");
    EXPECT_EQ(table.ranges(), 2u);
}

TEST(AsnTable, ABadRowNamesItsFileAndLineAndAddsNothing) {
    const std::pair<const char*, const char*> cases[] = {
        {"1.0.0.0,1.0.0.255,13335,x\n1.0.1.0,1.0.1.255,abc,y\n", "t.csv:2: the AS number"},
        {"# comment\n\n1.0.0.0,1.0.0.255,4294967296,x\n", "t.csv:3: the AS number"},
        {"1.0.0.0,1.0.0.255,-1,x\n", "t.csv:1: the AS number"},
        {"1.0.0.0,1.0.0.255,,x\n", "t.csv:1: the AS number"},
        {"1.0.0.0,1.0.0.255\n", "t.csv:1: expected start,end"},
        {"1.0.0.0\n", "t.csv:1: expected start,end"},
        {"1.0.0.0,::1,5,x\n", "t.csv:1: expected two addresses"},
        {"::1,1.0.0.0,5,x\n", "t.csv:1: expected two addresses"},
        {"16777216,1.0.0.255,5,x\n", "t.csv:1: expected two IPv4 numbers"},
        {"42540766411282592856903984951653826560,42540766411282592856903984951653826561,5,x\n",
         "t.csv:1: expected two IPv4 numbers"},
        {"1.0.0.9,1.0.0.1,5,x\n", "t.csv:1: the range ends before"},
        {"200,100,5,x\n", "t.csv:1: the range ends before"},
        {"2001:db8::9,2001:db8::1,5,x\n", "t.csv:1: the range ends before"},
        {"1.0.0.0,1.0.0.9,5,\"open\n", "t.csv:1: the organisation's quotes"},
        {"1.0.0.0,1.0.0.9,5,\"closed\" then text\n", "t.csv:1: the organisation's quotes"},
        {"nonsense,here,5,x\n", "t.csv:1: expected two addresses"},
        {"1.0.0,1.0.0.255,5,x\n", "t.csv:1: expected two addresses"},
        {"1.0.0.0/24,1.0.0.255,5,x\n", "t.csv:1: expected two addresses"},
        {"1.2.3.4,1.2.3.256,5,x\n", "t.csv:1: expected two addresses"},
        {"start,end,asn,organisation\n1.0.0.0,1.0.0.255,5,x\n", "t.csv:1: the AS number"},
    };
    for (const auto& [csv, expected] : cases) {
        auto table = parsed("9.9.9.0,9.9.9.255,19281,Quad9\n");
        const auto added = table.add(csv, "t.csv");
        ASSERT_FALSE(added.ok()) << csv;
        EXPECT_EQ(added.error().code, ShieldError::asn_bad_row);
        EXPECT_NE(added.error().detail.find(expected), std::string::npos) << added.error().detail;
        EXPECT_EQ(table.ranges(), 1u) << csv;
        EXPECT_EQ(as_of(table, "1.0.0.1"), std::nullopt) << csv;
        EXPECT_EQ(organisation_of(table, "9.9.9.9"), "Quad9");
    }
    EXPECT_EQ(AsnTable::parse("1.0.0.0,x,1,y\n", "mine.csv").error().detail.rfind("mine.csv:1:", 0),
              0u);
}

TEST(AsnTable, ANarrowerRangeInsideAWiderOneWinsOnlyWhereItLies) {
    const auto table = parsed(
        "10.0.0.0,10.0.255.255,64500,Provider\n"
        "10.0.5.0,10.0.5.255,64501,Customer\n");
    EXPECT_EQ(as_of(table, "10.0.0.1"), 64500u);
    EXPECT_EQ(as_of(table, "10.0.4.255"), 64500u);
    EXPECT_EQ(as_of(table, "10.0.5.0"), 64501u);
    EXPECT_EQ(as_of(table, "10.0.5.255"), 64501u);
    EXPECT_EQ(as_of(table, "10.0.6.0"), 64500u);  // the wider range resumes after it
    EXPECT_EQ(as_of(table, "10.0.255.255"), 64500u);
    EXPECT_EQ(as_of(table, "10.1.0.0"), std::nullopt);
    EXPECT_EQ(table.ranges(), 3u);
}

TEST(AsnTable, OverlappingRangesSplitWhereTheLaterOneStarts) {
    // As in the npm table around 215.0.0.0: AS749 runs into AS721's start.
    const auto table = parsed(
        "214.0.0.0,215.0.255.255,749,DoD\n"
        "215.0.0.0,215.1.3.255,721,DoD NIC\n"
        "10.0.0.0,10.0.0.255,1,Same start wider\n"
        "10.0.0.0,10.0.0.15,2,Same start narrower\n"
        "10.0.1.0,10.0.1.255,3,First\n"
        "10.0.1.0,10.0.1.255,4,Same range read last\n");
    EXPECT_EQ(as_of(table, "214.255.255.255"), 749u);
    EXPECT_EQ(as_of(table, "215.0.0.0"), 721u);
    EXPECT_EQ(as_of(table, "215.0.255.255"), 721u);
    EXPECT_EQ(as_of(table, "215.1.3.255"), 721u);
    EXPECT_EQ(as_of(table, "10.0.0.15"), 2u);
    EXPECT_EQ(as_of(table, "10.0.0.16"), 1u);
    EXPECT_EQ(as_of(table, "10.0.1.7"), 4u);
}

TEST(AsnTable, NestedRangesReachingTheLastAddress) {
    const auto table = parsed(
        "0.0.0.0,255.255.255.255,1,Everything\n"
        "255.255.255.0,255.255.255.255,2,Top\n"
        "128.0.0.0,128.0.0.0,3,One\n"
        "::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,4,All v6\n"
        "ffff::,ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,5,Top v6\n"
        "8000::1,8000::1,6,One v6\n");
    EXPECT_EQ(as_of(table, "0.0.0.0"), 1u);
    EXPECT_EQ(as_of(table, "127.255.255.255"), 1u);
    EXPECT_EQ(as_of(table, "128.0.0.0"), 3u);
    EXPECT_EQ(as_of(table, "128.0.0.1"), 1u);
    EXPECT_EQ(as_of(table, "255.255.254.255"), 1u);
    EXPECT_EQ(as_of(table, "255.255.255.255"), 2u);
    EXPECT_EQ(as_of(table, "::"), 4u);
    EXPECT_EQ(as_of(table, "8000::"), 4u);
    EXPECT_EQ(as_of(table, "8000::1"), 6u);
    EXPECT_EQ(as_of(table, "8000::2"), 4u);
    EXPECT_EQ(as_of(table, "fffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), 4u);
    EXPECT_EQ(as_of(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), 5u);
    EXPECT_EQ(table.ranges(), 8u);  // the wide ones in two pieces each
}

TEST(AsnTable, ALaterTableCanCarveIntoAnEarlierOne) {
    auto table = parsed("10.0.0.0,10.0.255.255,64500,Provider\n");
    ASSERT_TRUE(table.add("10.0.7.0,10.0.7.255,64999,Our office\n", "ours.csv").ok());
    EXPECT_EQ(as_of(table, "10.0.6.255"), 64500u);
    EXPECT_EQ(organisation_of(table, "10.0.7.1"), "Our office");
    EXPECT_EQ(as_of(table, "10.0.8.0"), 64500u);
    EXPECT_EQ(organisation_of(table, "10.0.8.0"), "Provider");
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
    ASSERT_GT(v4.size(), 10'000'000u);
    ASSERT_GT(v6.size(), 5'000'000u);
    const auto started = std::chrono::steady_clock::now();
    AsnTable table;
    const auto added_v4 = table.add(v4, "asn-ipv4-num.csv");
    ASSERT_TRUE(added_v4.ok()) << added_v4.error().detail;
    const auto v4_done = std::chrono::steady_clock::now();
    const auto added_v6 = table.add(v6, "asn-ipv6.csv");
    ASSERT_TRUE(added_v6.ok()) << added_v6.error().detail;
    const auto done = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    std::cout << "loaded " << table.ranges() << " ranges: IPv4 numbers in "
              << ms(v4_done - started).count() << " ms, IPv6 text in " << ms(done - v4_done).count()
              << " ms\n";
    EXPECT_GT(table.ranges(), 500'000u);
    EXPECT_EQ(as_of(table, "1.1.1.1"), 13335u);
    EXPECT_EQ(organisation_of(table, "1.1.1.1"), "Cloudflare, Inc.");
    EXPECT_EQ(as_of(table, "::ffff:1.1.1.1"), 13335u);
    EXPECT_EQ(as_of(table, "2001::1"), 6939u);  // Hurricane Electric, the file's first row
    EXPECT_EQ(as_of(table, "2a01:e02:1234::1"), 12322u);  // Free SAS
    EXPECT_EQ(as_of(table, "214.255.255.255"), 749u);     // the one overlap in the file
    EXPECT_EQ(as_of(table, "215.0.0.1"), 721u);
    EXPECT_EQ(as_of(table, "10.0.0.1"), std::nullopt);  // private addresses are nobody's
    EXPECT_EQ(as_of(table, "fe80::1"), std::nullopt);
}

TEST(AsnTable, TheTextIPv4FileReadsLikeTheNumericOne) {
    const std::string dir = REMPART_SOURCE_DIR "/node_modules/@ip-location-db/asn/";
    const auto csv = read(dir + "asn-ipv4.csv");
    const auto started = std::chrono::steady_clock::now();
    const auto text = AsnTable::parse(csv, "asn-ipv4.csv");
    const auto took =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
    ASSERT_TRUE(text.ok()) << text.error().detail;
    const auto numeric = AsnTable::parse(read(dir + "asn-ipv4-num.csv"), "asn-ipv4-num.csv");
    ASSERT_TRUE(numeric.ok());
    std::cout << "asn-ipv4.csv: " << text->ranges() << " ranges in " << took.count() << " ms\n";
    EXPECT_EQ(text->ranges(), numeric->ranges());
    for (const char* ip : {"1.1.1.1", "8.8.8.8", "90.0.0.1", "193.252.0.1", "214.255.255.255"})
        EXPECT_EQ(as_of(*text, ip), as_of(*numeric, ip)) << ip;
}

TEST(AsnTable, TheTestFixtureSplitsLoopbackIntoSeveralAses) {
    const auto table =
        AsnTable::parse(read(REMPART_SOURCE_DIR "/tests/fixtures/asn.csv"), "asn.csv");
    ASSERT_TRUE(table.ok()) << table.error().detail;
    EXPECT_EQ(as_of(*table, "127.0.0.1"), 64500u);
    EXPECT_EQ(as_of(*table, "127.1.2.3"), 64501u);
    EXPECT_EQ(as_of(*table, "::1"), 64500u);
    EXPECT_EQ(organisation_of(*table, "127.0.0.1"), "Loopback Télécom, SA");
}

}  // namespace
}  // namespace rempart::shield
