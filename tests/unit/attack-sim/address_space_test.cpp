// tools/attack-sim/address_space and asn.csv: every address a scenario uses is in the
// fixture table, under the AS the scenario means.
#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>

#include "attack-sim/address_space.hpp"
#include "attack-sim/scenarios.hpp"
#include "fixture_table.hpp"
#include "shield/asn_table.hpp"

namespace rempart::attack {
namespace {

using testing::fixture_table;

TEST(AddressSpace, TheFixtureTableNamesEveryBlockWithItsAs) {
    const auto table = fixture_table();
    for (const auto& block : as_blocks()) {
        for (const std::size_t n : {std::size_t{0}, std::size_t{block.count_16 * 256 - 1}}) {
            const auto ip = host_in(network_in(block, n), 254);
            const auto found = table.lookup(boost::asio::ip::make_address(ip));
            ASSERT_TRUE(found) << ip;
            EXPECT_EQ(found->number, block.asn) << ip;
            EXPECT_EQ(found->organisation, block.organisation) << ip;
            EXPECT_EQ(asn_of(ip), block.asn);
        }
    }
    EXPECT_TRUE(table.lookup(boost::asio::ip::make_address("::1")));
}

TEST(AddressSpace, EveryAddressOfEveryScenarioIsInTheTable) {
    const auto table = fixture_table();
    ScenarioOptions options;
    options.duration_s = 60;
    for (const auto scenario : every_scenario()) {
        const auto plan = make_plan(scenario, options);
        EXPECT_FALSE(plan.attempts.empty()) << to_string(scenario);
        for (const auto& attempt : plan.attempts) {
            const auto found = table.lookup(boost::asio::ip::make_address(attempt.ip));
            ASSERT_TRUE(found) << attempt.ip;
            EXPECT_EQ(found->number, asn_of(attempt.ip));
            if (attempt.confirmation) {
                ASSERT_TRUE(table.lookup(boost::asio::ip::make_address(attempt.confirmation->ip)));
            }
        }
    }
}

TEST(AddressSpace, ANetworkIsTheAddressWithoutItsLastByte) {
    EXPECT_EQ(network_24("127.10.3.7"), "127.10.3");
    EXPECT_EQ(ipv4_text((127u << 24) | (64u << 16) | 258u), "127.64.1.2");
}

}  // namespace
}  // namespace rempart::attack
