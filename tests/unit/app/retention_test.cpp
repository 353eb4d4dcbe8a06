// Tests for the retention pass's own parts: what an address becomes once its time in clear
// is over, and the rules it runs.
#include "app/retention.hpp"
#include "shield/network.hpp"

#include <gtest/gtest.h>

namespace rempart::app {
namespace {

TEST(RetentionPass, AnAddressBecomesItsNetworkAndNothingElseChanges) {
    EXPECT_EQ(shield::network_of_address("203.0.113.77"), "203.0.113.0/24");
    EXPECT_EQ(shield::network_of_address("2001:db8:1:2::7"), "2001:db8:1::/48");
    EXPECT_EQ(shield::network_of_address("::ffff:203.0.113.77"), "203.0.113.0/24");
    // Already a network, empty (anonymised), or not an address: left as it is.
    for (const char* kept : {"203.0.113.0/24", "", "unknown", "2001:db8:1::/48"})
        EXPECT_EQ(shield::network_of_address(kept), kept) << kept;
}

TEST(RetentionPass, EveryRuleRunsAndEachTableOfAddressesHasItsOwnStep) {
    const auto steps = retention_steps({}, 1'000'000'000, 10);
    EXPECT_EQ(steps.size(), 11u);
    std::size_t addresses = 0;
    std::size_t newsletter = 0;
    for (const auto& step : steps) {
        EXPECT_TRUE(step.batch);
        if (step.counts == &RetentionTally::addresses) ++addresses;
        if (step.counts == &RetentionTally::newsletter) ++newsletter;
    }
    EXPECT_EQ(addresses, 4u);
    EXPECT_EQ(newsletter, 1u);
    RetentionTally tally;
    EXPECT_FALSE(tally.any());
    tally.mails = 1;
    EXPECT_TRUE(tally.any());
}

TEST(RetentionPass, ThePauseGrowsWithWhatTheBatchTook) {
    using std::chrono::milliseconds;
    EXPECT_EQ(retention_pause(milliseconds(0)), milliseconds(20));
    EXPECT_EQ(retention_pause(milliseconds(2)), milliseconds(20));
    EXPECT_EQ(retention_pause(milliseconds(5)), milliseconds(45));
    EXPECT_EQ(retention_pause(milliseconds(9)), milliseconds(81));
    // A writer kept busy by signing answers late: the pass stands back further.
    EXPECT_EQ(retention_pause(milliseconds(250)), milliseconds(2250));
}

}  // namespace
}  // namespace rempart::app
