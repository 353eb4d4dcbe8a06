// Tests for the ban policy: the attack's own networks and hosting ASes, never a shared
// network, never an eyeball ISP, at most the worst few.
#include "defence/response/ban_policy.hpp"

#include <gtest/gtest.h>

namespace rempart::defence {
namespace {

detect::Observation cluster_with(std::vector<detect::Source> networks,
                                 std::vector<detect::Source> ases = {}) {
    detect::Observation cluster;
    cluster.dimension = Dimension::name;
    cluster.networks = std::move(networks);
    cluster.ases = std::move(ases);
    return cluster;
}

std::vector<std::string> keys(const std::vector<Ban>& bans) {
    std::vector<std::string> out;
    for (const auto& ban : bans) out.push_back(ban.value);
    return out;
}

TEST(BanPolicy, BansTheNetworksThatSentTheClusterAndLittleElse) {
    const auto bans = choose_bans(cluster_with({{"net:127.2.0.0/24", 40, 42},
                                                {"net:127.2.1.0/24", 30, 30},
                                                {"net:10.0.0.0/24", 20, 200},  // shared
                                                {"net:127.2.2.0/24", 4, 4}}),  // too few
                                  BanPolicy{});
    EXPECT_EQ(keys(bans), (std::vector<std::string>{"net:127.2.0.0/24", "net:127.2.1.0/24"}));
    EXPECT_EQ(bans[0].kind, BanKind::network);
    EXPECT_NE(bans[0].reason.find("40 of its 42"), std::string::npos);
}

TEST(BanPolicy, BansAHostingAsButNeverAnEyeballIsp) {
    BanPolicy policy;
    policy.never_ban = {3215};
    const auto bans = choose_bans(
        cluster_with({}, {{"as:3215", 500, 500}, {"as:16276", 300, 310}, {"as:64500", 300, 1000}}),
        policy);
    EXPECT_EQ(keys(bans), (std::vector<std::string>{"as:16276"}));
    EXPECT_EQ(bans[0].kind, BanKind::as);
}

TEST(BanPolicy, AnAsNeedsManyAttempts) {
    const auto bans = choose_bans(cluster_with({}, {{"as:16276", 49, 49}}), BanPolicy{});
    EXPECT_TRUE(bans.empty());
}

TEST(BanPolicy, OnlyTheWorstNetworksUpToTheBound) {
    std::vector<detect::Source> networks;
    for (int i = 0; i < 100; ++i)
        networks.push_back({"net:127.3." + std::to_string(i) + ".0/24",
                            static_cast<std::size_t>(200 - i), static_cast<std::size_t>(200 - i)});
    BanPolicy policy;
    policy.max_networks = 10;
    const auto bans = choose_bans(cluster_with(networks), policy);
    ASSERT_EQ(bans.size(), 10u);
    EXPECT_EQ(bans.front().value, "net:127.3.0.0/24");
    EXPECT_EQ(bans.back().value, "net:127.3.9.0/24");
}

TEST(BanPolicy, ACrowdSpreadThinIsNeverBanned) {
    std::vector<detect::Source> networks;
    for (int i = 0; i < 1000; ++i)
        networks.push_back({"net:10.1." + std::to_string(i % 250) + ".0/24", 1, 1});
    EXPECT_TRUE(choose_bans(cluster_with(networks), BanPolicy{}).empty());
}

}  // namespace
}  // namespace rempart::defence
