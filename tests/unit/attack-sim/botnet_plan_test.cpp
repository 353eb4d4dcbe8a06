// tools/attack-sim/botnet_plan: the botnet has enough addresses for its rate, all distinct,
// all in the fixture AS table, mostly one hosting company over many /24s.
#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>

#include <cmath>
#include <map>
#include <set>

#include "attack-sim/address_space.hpp"
#include "attack-sim/botnet_plan.hpp"
#include "attack-sim/visitor_plan.hpp"
#include "fixture_table.hpp"
#include "shield/asn_table.hpp"

namespace rempart::attack {
namespace {

using testing::fixture_table;

std::map<std::uint32_t, std::size_t> per_network(const std::vector<std::uint32_t>& addresses) {
    std::map<std::uint32_t, std::size_t> counts;
    for (const auto a : addresses) ++counts[a & 0xffffff00u];
    return counts;
}

TEST(BotnetPlan, EnoughAddressesThatNoneSendsMoreThanEightyPercentOfItsLimit) {
    for (const double rate : {1.0, 420.0, 5000.0, 21000.0, 60000.0}) {
        for (const unsigned limit : {60u, 120u, 240u}) {
            const auto n = addresses_needed(rate, limit, 0);
            EXPECT_LE(rate * 60 / static_cast<double>(n), 0.8 * limit + 1e-9)
                << rate << " " << limit;
            EXPECT_GE(addresses_needed(rate, limit, 4000), 4000u);
        }
    }
    // The seed's rate needs 132 addresses, so the 4,000 of the default do; 50 times it, more.
    EXPECT_EQ(addresses_needed(420, 240, 4000), 4000u);
    EXPECT_EQ(addresses_needed(21000, 240, 4000), 6563u);
}

TEST(BotnetPlan, TheGuardBetweenTwoRequestsOfAnAddressIsLooserThanTheSizing) {
    // The rotation comes back to an address every 60 / (0.8 limit) s at full rate; the
    // guard lets it send from 60 / (0.9 limit) s, so a late tick costs nothing.
    EXPECT_DOUBLE_EQ(min_gap_s(240), 60.0 / 216);
    EXPECT_LT(min_gap_s(240), 60.0 / (0.8 * 240));
}

TEST(BotnetPlan, EveryAddressIsDistinctAndInTheFixtureTable) {
    const auto table = fixture_table();
    for (const auto spread :
         {AsSpread::one_company, AsSpread::hosting, AsSpread::everywhere, AsSpread::residential}) {
        BotnetOptions options;
        options.spread = spread;
        const auto addresses = allocate_addresses(6563, options);
        ASSERT_EQ(addresses.size(), 6563u) << to_string(spread);
        EXPECT_EQ(std::set<std::uint32_t>(addresses.begin(), addresses.end()).size(), 6563u);
        for (const auto address : addresses) {
            const auto ip = ipv4_text(address);
            const auto found = table.lookup(boost::asio::ip::make_address(ip));
            ASSERT_TRUE(found) << ip;
            EXPECT_EQ(found->number, asn_of(ip));
            // Never the proxy's own 127.0.0.0/16, never a network or broadcast address.
            EXPECT_NE(found->number, 64500u) << ip;
            EXPECT_NE(address & 0xff, 0u);
            EXPECT_NE(address & 0xff, 255u);
            if (spread == AsSpread::one_company || spread == AsSpread::hosting) {
                EXPECT_TRUE(as_block(found->number).hosting) << ip;
            }
            if (spread == AsSpread::residential) {
                EXPECT_FALSE(as_block(found->number).hosting) << ip;
            }
        }
    }
}

TEST(BotnetPlan, MostAddressesAreOneHostingCompanySpreadOverManyNetworks) {
    const auto plan = make_botnet_plan(BotnetOptions{});
    ASSERT_EQ(plan.addresses.size(), 4000u);
    std::size_t ovh = 0;
    for (const auto address : plan.addresses) ovh += asn_of(ipv4_text(address)) == 16276;
    EXPECT_EQ(ovh, 3960u);
    const auto networks = per_network(plan.addresses);
    EXPECT_GE(networks.size(), 250u);
    for (const auto& [network, count] : networks) EXPECT_LE(count, 16u) << ipv4_text(network);
    // Grouped by /24: each /24's addresses one after the other.
    std::set<std::uint32_t> seen;
    std::uint32_t last = 0;
    for (const auto address : plan.addresses) {
        const auto network = address & 0xffffff00u;
        if (network != last) {
            EXPECT_TRUE(seen.insert(network).second) << ipv4_text(network);
        }
        last = network;
    }
}

TEST(BotnetPlan, WhatTheMainAsCannotHoldGoesToTheOthers) {
    BotnetOptions options;
    const auto addresses = allocate_addresses(100000, options);
    ASSERT_EQ(addresses.size(), 100000u);
    EXPECT_EQ(std::set<std::uint32_t>(addresses.begin(), addresses.end()).size(), 100000u);
    std::size_t ovh = 0;
    for (const auto address : addresses) ovh += asn_of(ipv4_text(address)) == 16276;
    EXPECT_EQ(ovh, 256u * 254u);  // the whole /16, then the rest elsewhere
}

TEST(BotnetPlan, TheHostingSpreadIsEven) {
    BotnetOptions options;
    options.spread = AsSpread::hosting;
    std::map<std::uint32_t, std::size_t> per_as;
    for (const auto address : allocate_addresses(4000, options))
        ++per_as[asn_of(ipv4_text(address))];
    ASSERT_EQ(per_as.size(), 10u);
    for (const auto& [as, count] : per_as) EXPECT_EQ(count, 400u) << as;
}

TEST(BotnetPlan, TheVisitorsNetworksAreNeverTheBotnets) {
    for (const auto spread : {AsSpread::everywhere, AsSpread::residential}) {
        BotnetOptions options;
        options.spread = spread;
        options.hosts_per_network = 1;  // as many /24s as addresses: the most chances to meet
        const auto networks = per_network(allocate_addresses(150000, options));
        for (const auto network : visitor_networks())
            EXPECT_FALSE(networks.contains(network)) << ipv4_text(network);
    }
}

TEST(BotnetPlan, TheSameSeedGivesTheSameAddresses) {
    BotnetOptions options;
    EXPECT_EQ(allocate_addresses(5000, options), allocate_addresses(5000, options));
    auto other = options;
    other.seed = 2;
    EXPECT_NE(allocate_addresses(5000, options), allocate_addresses(5000, other));
}

TEST(BotnetPlan, PagesAreDrawnByTheirWeights) {
    const auto weights = parse_page_weights("home=1,petition=2,search=1");
    ASSERT_TRUE(weights);
    EXPECT_EQ((*weights)[static_cast<std::size_t>(PageKind::api_petition)], 0);
    EXPECT_FALSE(parse_page_weights("home=1,nowhere=2"));
    EXPECT_FALSE(parse_page_weights("home=x"));
    EXPECT_FALSE(parse_page_weights("home=0"));

    Random random(1);
    std::map<PageKind, int> counts;
    std::set<std::string> searches;
    for (int i = 0; i < 40000; ++i) {
        const auto page = choose_page(*weights, "noel", random);
        ++counts[page.kind];
        if (page.kind == PageKind::search) {
            EXPECT_TRUE(page.target.starts_with("/search?q=")) << page.target;
            searches.insert(page.target);
        }
        if (page.kind == PageKind::petition) {
            EXPECT_EQ(page.target, "/petitions/noel");
        }
    }
    EXPECT_EQ(counts[PageKind::api_petition], 0);
    EXPECT_NEAR(counts[PageKind::petition], 20000, 600);
    EXPECT_NEAR(counts[PageKind::home], 10000, 500);
    // Queries vary, so that no answer can be served again from a cache.
    EXPECT_GT(searches.size(), 1000u);
}

}  // namespace
}  // namespace rempart::attack
