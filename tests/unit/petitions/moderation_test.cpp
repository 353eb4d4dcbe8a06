// Tests for petitions/moderation: standings against the promise, who may act, lag figures.
#include "petitions/moderation.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

constexpr std::int64_t day = 86400;

TEST(Moderation, AStandingFollowsTheDaysWaited) {
    const ModerationRules rules{14, 10, 30};
    EXPECT_EQ(standing_of(0, rules), QueueStanding::on_time);
    EXPECT_EQ(standing_of(10 * day - 1, rules), QueueStanding::on_time);
    EXPECT_EQ(standing_of(10 * day, rules), QueueStanding::nearly_overdue);
    EXPECT_EQ(standing_of(14 * day - 1, rules), QueueStanding::nearly_overdue);
    EXPECT_EQ(standing_of(14 * day, rules), QueueStanding::overdue);
    EXPECT_EQ(standing_of(3 * day, {3, 1, 30}), QueueStanding::overdue);
}

TEST(Moderation, OnlyAWaitingProposalNobodyElseHoldsIsModerated) {
    EXPECT_TRUE(may_moderate(SubmissionStage::waiting, std::nullopt, 1, 100).ok());
    EXPECT_TRUE(may_moderate(SubmissionStage::waiting, Hold{1, 200}, 1, 100).ok());
    EXPECT_EQ(may_moderate(SubmissionStage::waiting, Hold{2, 200}, 1, 100).error().code,
              ModerationError::held_by_other);
    EXPECT_TRUE(may_moderate(SubmissionStage::waiting, Hold{2, 100}, 1, 100).ok());  // lapsed
    for (const auto stage :
         {SubmissionStage::unconfirmed, SubmissionStage::returned, SubmissionStage::published,
          SubmissionStage::rejected, SubmissionStage::removed})
        EXPECT_EQ(may_moderate(stage, std::nullopt, 1, 100).error().code,
                  ModerationError::not_waiting)
            << to_string(stage);
}

TEST(Moderation, StepsReadAndPrintTheirAddressNames) {
    for (const auto step : {ModerationStep::hold, ModerationStep::approve, ModerationStep::reject,
                            ModerationStep::send_back, ModerationStep::flag})
        EXPECT_EQ(parse_moderation_step(to_string(step)), step);
    EXPECT_EQ(to_string(ModerationStep::send_back), "return");
    EXPECT_FALSE(parse_moderation_step("publish"));
    EXPECT_FALSE(parse_moderation_step(""));
}

TEST(Moderation, TheLagLeavesOutTheTimeWithTheAuthor) {
    EXPECT_EQ(moderation_lag(0, 1000, 1600), 600);
    EXPECT_EQ(moderation_lag(300, 1000, 1600), 900);
    EXPECT_EQ(moderation_lag(300, 1000, 900), 300);  // a clock that stepped back adds nothing
}

TEST(Moderation, LagFiguresAreTheMedianAndTheNinetiethPercentile) {
    EXPECT_EQ(lag_figures({}).decisions, 0u);
    const auto one = lag_figures({42});
    EXPECT_EQ(one.median, 42);
    EXPECT_EQ(one.slowest_tenth, 42);
    std::vector<std::int64_t> lags;
    for (std::int64_t i = 10; i >= 1; --i) lags.push_back(i * day);
    const auto figures = lag_figures(lags);
    EXPECT_EQ(figures.decisions, 10u);
    EXPECT_EQ(figures.median, 5 * day);
    EXPECT_EQ(figures.slowest_tenth, 9 * day);
}

TEST(Moderation, TheDigestIsDueOnceADayFromItsHour) {
    constexpr std::int64_t midnight = 1'796'860'800;  // 2026-12-10 00:00 UTC
    EXPECT_EQ(utc_day(midnight), "2026-12-10");
    EXPECT_EQ(utc_day(midnight - 1), "2026-12-09");
    EXPECT_FALSE(digest_due(midnight + 6 * 3600, "2026-12-09", 7));  // before its hour
    EXPECT_TRUE(digest_due(midnight + 7 * 3600, "2026-12-09", 7));
    EXPECT_TRUE(digest_due(midnight + 23 * 3600, "", 7));            // never sent: due
    EXPECT_FALSE(digest_due(midnight + 8 * 3600, "2026-12-10", 7));  // sent today
    EXPECT_FALSE(digest_due(midnight + 8 * 3600, "", -1));           // turned off
    EXPECT_TRUE(digest_due(midnight, "2026-12-09", 0));
}

}  // namespace
}  // namespace rempart
