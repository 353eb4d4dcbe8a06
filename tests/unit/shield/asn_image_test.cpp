// Tests for the IP-to-AS table's compact form: what goes in comes back, and a damaged or
// foreign image is refused with a reason rather than read as wrong networks.
#include <gtest/gtest.h>

#include <cstring>

#include "shield/asn_table.hpp"
#include "shield/errors.hpp"

namespace rempart::shield {
namespace {

using boost::asio::ip::make_address;

// A few rows of each kind: numeric and text IPv4, IPv6, quoted names, an overlap to split.
constexpr std::string_view image_csv =
    "16777216,16777471,13335,\"Cloudflare, Inc.\"\n"
    "10.0.0.0,10.0.255.255,64500,Provider\n"
    "10.0.8.0,10.0.8.255,64501,\"The \"\"Office\"\"\"\n"
    "2001:db8::,2001:db8::ffff,64502,Six\n";

AsnTable image_table() {
    auto table = AsnTable::parse(image_csv, "image.csv");
    EXPECT_TRUE(table.ok()) << table.error().detail;
    return std::move(*table);
}

std::string image_lookup(const AsnTable& table, const char* ip) {
    const auto found = table.lookup(make_address(ip));
    return found ? std::to_string(found->number) + " " + std::string(found->organisation)
                 : "(none)";
}

// The image with four bytes at `offset` replaced by `value`.
std::string patched(std::string image, std::size_t offset, std::uint32_t value) {
    std::memcpy(image.data() + offset, &value, sizeof value);
    return image;
}

std::string refusal(std::string_view image) {
    const auto read = AsnTable::from_image(image, "asn-table.bin");
    if (read.ok()) return "(read)";
    EXPECT_TRUE(read.error().code == ShieldError::asn_bad_image);
    return read.error().detail;
}

TEST(AsnImage, ATableReadBackFindsWhatTheCsvFound) {
    const auto table = image_table();
    const auto read = AsnTable::from_image(table.image(), "asn-table.bin");
    ASSERT_TRUE(read.ok()) << read.error().detail;
    EXPECT_EQ(read->ranges(), table.ranges());
    for (const char* ip : {"1.0.0.0", "1.0.0.255", "1.0.1.0", "10.0.0.1", "10.0.8.7", "10.0.9.0",
                           "::ffff:10.0.8.7", "2001:db8::1", "2001:db8::1:0", "fe80::1"})
        EXPECT_EQ(image_lookup(*read, ip), image_lookup(table, ip)) << ip;
    EXPECT_EQ(image_lookup(*read, "10.0.8.7"), "64501 The \"Office\"");
    EXPECT_EQ(image_lookup(*read, "1.0.0.1"), "13335 Cloudflare, Inc.");
}

TEST(AsnImage, RowsAddedToATableReadBackWinWhereTheyOverlapIt) {
    auto read = AsnTable::from_image(image_table().image(), "asn-table.bin");
    ASSERT_TRUE(read.ok()) << read.error().detail;
    const auto added = read->add("10.0.9.0,10.0.9.255,64503,Provider\n", "site.csv");
    ASSERT_TRUE(added.ok()) << added.error().detail;
    EXPECT_EQ(image_lookup(*read, "10.0.9.1"), "64503 Provider");
    EXPECT_EQ(image_lookup(*read, "10.0.10.1"), "64500 Provider");
    EXPECT_EQ(image_lookup(*read, "10.0.8.1"), "64501 The \"Office\"");
}

TEST(AsnImage, AnEmptyTableReadsBackEmpty) {
    const auto read = AsnTable::from_image(AsnTable{}.image(), "asn-table.bin");
    ASSERT_TRUE(read.ok()) << read.error().detail;
    EXPECT_EQ(read->ranges(), 0u);
    EXPECT_EQ(image_lookup(*read, "1.1.1.1"), "(none)");
}

TEST(AsnImage, ADamagedOrForeignImageIsRefusedWithItsReason) {
    const auto image = image_table().image();
    constexpr std::size_t header = 48;  // magic, byte order, layout and four counts
    constexpr std::size_t v4_range = 16;
    EXPECT_NE(refusal("").find("too short"), std::string::npos);
    EXPECT_NE(refusal(image.substr(0, header - 1)).find("asn-table.bin: too short"),
              std::string::npos);
    EXPECT_NE(refusal("X" + image.substr(1)).find("another version"), std::string::npos);
    EXPECT_NE(refusal(patched(image, 8, 0x04030201)).find("another machine"), std::string::npos);
    EXPECT_NE(refusal(patched(image, 12, 0)).find("another version"), std::string::npos);
    EXPECT_NE(refusal(patched(image, 16, 0xFFFFFFFF)).find("size does not match"),
              std::string::npos);
    EXPECT_NE(refusal(patched(image, 20, 1)).find("header is damaged"), std::string::npos);
    EXPECT_NE(refusal(image.substr(0, image.size() - 1)).find("size does not match"),
              std::string::npos);
    EXPECT_NE(refusal(image + "x").find("size does not match"), std::string::npos);
    // The first IPv4 range's organisation, then its start past its end.
    EXPECT_NE(refusal(patched(image, header + 12, 99)).find("name no organisation"),
              std::string::npos);
    EXPECT_NE(refusal(patched(image, header, 0xFFFFFFFF)).find("out of order"), std::string::npos);
    // The first organisation's place in the names, after the 4 IPv4 and 1 IPv6 ranges.
    const std::size_t organisations = header + 4 * v4_range + 40;
    EXPECT_NE(refusal(patched(image, organisations, 0xFFFFFF)).find("outside the names"),
              std::string::npos);
    EXPECT_EQ(refusal(image), "(read)");
}

}  // namespace
}  // namespace rempart::shield
