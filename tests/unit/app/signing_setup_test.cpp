// Tests for app/signing_setup's AS table: the built-in one, a replacement, and files read
// on top of either.
#include "app/signing_setup.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace rempart::app {
namespace {

using boost::asio::ip::make_address;

class AsnTableSetup : public ::testing::Test {
  protected:
    AsnTableSetup() {
        char pattern[] = "/tmp/rempart-asn-setup.XXXXXX";
        dir_ = ::mkdtemp(pattern);
    }
    ~AsnTableSetup() override { std::filesystem::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) {
        std::ofstream(dir_ / name) << text;
        return (dir_ / name).string();
    }
    static std::uint32_t as_of(const shield::AsnTable& table, const char* ip) {
        const auto info = table.lookup(make_address(ip));
        return info ? info->number : 0;
    }
    std::filesystem::path dir_;
};

TEST_F(AsnTableSetup, ExtraFilesAreReadOnTopOfTheBuiltInTable) {
    shield::ShieldSettings shield;
    shield.asn_table_extra = {write("site.csv", "127.10.0.0,127.10.255.255,16276,OVH SAS\n")};
    const auto table = load_asn_table(shield);
    ASSERT_TRUE(table.ok()) << table.error().detail;
    EXPECT_EQ(as_of(**table, "127.10.3.4"), 16276u);
    EXPECT_EQ(as_of(**table, "8.8.8.8"), 15169u);  // the built-in table is still there
    EXPECT_GT((*table)->ranges(), 400'000u);
}

TEST_F(AsnTableSetup, ExtraRangesWinWhereTheyOverlapTheTable) {
    shield::ShieldSettings shield;
    shield.asn_table = write("base.csv", "203.0.113.0,203.0.113.255,64500,Base\n");
    shield.asn_table_extra = {write("carve.csv", "203.0.113.128,203.0.113.255,64501,Office\n")};
    const auto table = load_asn_table(shield);
    ASSERT_TRUE(table.ok()) << table.error().detail;
    EXPECT_EQ(as_of(**table, "203.0.113.7"), 64500u);
    EXPECT_EQ(as_of(**table, "203.0.113.200"), 64501u);
}

TEST_F(AsnTableSetup, AMissingOrBadExtraFileIsAClearStartUpError) {
    shield::ShieldSettings shield;
    shield.asn_table = write("base.csv", "203.0.113.0,203.0.113.255,64500,Base\n");
    shield.asn_table_extra = {(dir_ / "missing.csv").string()};
    const auto missing = load_asn_table(shield);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().detail.find("asn_table_extra"), std::string::npos)
        << missing.error().detail;
    shield.asn_table_extra = {write("bad.csv", "not,a,row\n")};
    const auto bad = load_asn_table(shield);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().detail.find("bad.csv"), std::string::npos) << bad.error().detail;
}

}  // namespace
}  // namespace rempart::app
