// Tests for what a press on a confirmation mail's button comes to.
#include <gtest/gtest.h>

#include "signatures/link_decision.hpp"

namespace rempart::signatures {
namespace {

constexpr SignatureState states[] = {SignatureState::pending, SignatureState::confirmed,
                                     SignatureState::quarantined, SignatureState::invalidated,
                                     SignatureState::withdrawn};

TEST(LinkDecision, AFirstPressConfirmsOrWithdraws) {
    EXPECT_EQ(decide_link(LinkAction::confirm, LinkChange::changed, SignatureState::confirmed),
              LinkOutcome::confirmed);
    EXPECT_EQ(decide_link(LinkAction::withdraw, LinkChange::changed, SignatureState::withdrawn),
              LinkOutcome::withdrawn);
}

TEST(LinkDecision, AConfirmationWhereAnIncidentHoldsDoesNotCount) {
    EXPECT_EQ(decide_link(LinkAction::confirm, LinkChange::changed, SignatureState::quarantined),
              LinkOutcome::confirmed_in_quarantine);
    EXPECT_TRUE(leaves_event(LinkOutcome::confirmed_in_quarantine));
}

TEST(LinkDecision, ASecondPressOrABadLinkLeavesNothing) {
    for (const auto action : {LinkAction::confirm, LinkAction::withdraw})
        for (const auto state : states) {
            EXPECT_EQ(decide_link(action, LinkChange::unchanged, state), LinkOutcome::unchanged);
            EXPECT_EQ(decide_link(action, LinkChange::link_invalid, state),
                      LinkOutcome::link_invalid);
            EXPECT_EQ(decide_link(action, LinkChange::set_aside, state), LinkOutcome::set_aside);
        }
    EXPECT_FALSE(leaves_event(LinkOutcome::unchanged));
    EXPECT_FALSE(leaves_event(LinkOutcome::link_invalid));
    EXPECT_FALSE(leaves_event(LinkOutcome::set_aside));
    EXPECT_EQ(to_string(LinkOutcome::confirmed_in_quarantine), "confirmed_in_quarantine");
}

}  // namespace
}  // namespace rempart::signatures
