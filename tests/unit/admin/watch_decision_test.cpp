// Tests for admin/watch_decision: the words of a moderator's decision on a watch, and the
// answer when the store refuses it.
#include "admin/watch_decision.hpp"

#include <gtest/gtest.h>

#include "defence/model/errors.hpp"
#include "store/errors.hpp"

namespace rempart::admin {
namespace {

TEST(WatchDecision, OnlyTheTwoDecisionsAreRead) {
    EXPECT_EQ(parse_watch_decision("dismiss"), WatchDecision::dismiss);
    EXPECT_EQ(parse_watch_decision("invalidated"), WatchDecision::invalidated);
    for (const char* other : {"", "dismissed", "DISMISS", "invalidate", "release", "escalated"})
        EXPECT_FALSE(parse_watch_decision(other).has_value()) << other;
}

TEST(WatchDecision, EachDecisionHasItsStateAndItsAuditAction) {
    EXPECT_EQ(watch_state(WatchDecision::dismiss), "dismissed");
    EXPECT_EQ(watch_state(WatchDecision::invalidated), "invalidated");
    EXPECT_EQ(audit_action(WatchDecision::dismiss), "watch_dismissed");
    EXPECT_EQ(audit_action(WatchDecision::invalidated), "watch_invalidated");
}

TEST(WatchDecision, AMissingWatchIsNotFoundAndADecidedOneAConflict) {
    EXPECT_EQ(watch_refusal(make_error(defence::DefenceError::watch_not_found, "")).status, 404u);
    const auto twice =
        watch_refusal(make_error(defence::DefenceError::watch_decided, "already dismissed"));
    EXPECT_EQ(twice.status, 409u);
    EXPECT_EQ(twice.text_key, "admin.watch_decided");
    EXPECT_EQ(watch_refusal(make_error(store::StoreError::busy, "locked")).status, 503u);
}

}  // namespace
}  // namespace rempart::admin
