// Tests for app/signing_setup's AS table (the built-in one, a replacement, and files read
// on top of either) and its built-in throwaway mail domains.
#include "app/signing_setup.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "core/embedded.hpp"

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

// The built-in table is the compact form the build made of the npm files: the same ranges
// as parsing them, the same answers across the address space.
TEST_F(AsnTableSetup, TheBuiltInTableIsTheNpmFilesRead) {
    const auto built_in = load_asn_table(shield::ShieldSettings{});
    ASSERT_TRUE(built_in.ok()) << built_in.error().detail;
    shield::AsnTable parsed;
    for (const char* file : {"asn-ipv4-num.csv", "asn-ipv6.csv"}) {
        std::ifstream in(
            std::string(REMPART_SOURCE_DIR "/node_modules/@ip-location-db/asn/") + file,
            std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), {}};
        ASSERT_GT(text.size(), 1'000'000u) << file;
        const auto added = parsed.add(text, file);
        ASSERT_TRUE(added.ok()) << added.error().detail;
    }
    EXPECT_EQ((*built_in)->ranges(), parsed.ranges());
    const auto same = [&](const boost::asio::ip::address& address) {
        const auto a = (*built_in)->lookup(address);
        const auto b = parsed.lookup(address);
        return a.has_value() == b.has_value() &&
               (!a || (a->number == b->number && a->organisation == b->organisation));
    };
    int differing = 0;
    for (std::uint64_t v4 = 0; v4 < (std::uint64_t{1} << 32); v4 += 65'537)
        differing += !same(boost::asio::ip::address_v4(static_cast<std::uint32_t>(v4)));
    for (unsigned block = 0x2001; block < 0x2c10; block += 3)
        differing += !same(make_address(fmt::format("{:x}:{:x}::1", block, block * 7 % 0x10000)));
    EXPECT_EQ(differing, 0);
    EXPECT_EQ(as_of(**built_in, "1.1.1.1"), 13335u);
    EXPECT_EQ((*built_in)->lookup(make_address("1.1.1.1"))->organisation, "Cloudflare, Inc.");
    EXPECT_EQ(as_of(**built_in, "2a01:e02:1234::1"), 12322u);  // Free SAS
}

// The built-in throwaway domains are the npm JSON lists, read at build time.
TEST_F(AsnTableSetup, TheBuiltInDisposableListsAreTheNpmOnes) {
    Config config;
    config.shield.asn_table = REMPART_SOURCE_DIR "/tests/fixtures/asn.csv";
    config.dns.check_mx = false;
    config.storage.data_dir = dir_;
    const auto setup = set_up_signing(config);
    ASSERT_TRUE(setup.ok()) << setup.error().detail;
    std::string json[2];
    for (int i = 0; i < 2; ++i) {
        std::ifstream in(std::string(REMPART_SOURCE_DIR "/node_modules/disposable-email-domains/") +
                             (i == 0 ? "index.json" : "wildcard.json"),
                         std::ios::binary);
        json[i].assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto parsed = signatures::DisposableDomains::load(json[0], json[1], {}, {});
    ASSERT_TRUE(parsed.ok()) << parsed.error().detail;
    EXPECT_GT(parsed->size(), 100'000u);
    EXPECT_EQ(setup->disposable_domains->lines(), parsed->lines());
    EXPECT_TRUE(setup->disposable_domains->is_disposable("xn--instgram-cza.com"));
    // What a start pays for them, beside DisposableDomains.TheNpmListsLoad's JSON.
    const auto exact = embedded::find_data("data/disposable-exact.txt");
    const auto wildcard = embedded::find_data("data/disposable-wildcard.txt");
    ASSERT_TRUE(exact && wildcard);
    const auto started = std::chrono::steady_clock::now();
    const auto read = signatures::DisposableDomains::load_lines(*exact, *wildcard, {}, {});
    const std::chrono::duration<double, std::milli> took =
        std::chrono::steady_clock::now() - started;
    ASSERT_TRUE(read.ok()) << read.error().detail;
    std::cout << "read " << read->size() << " disposable domains as lines in " << took.count()
              << " ms\n";
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
