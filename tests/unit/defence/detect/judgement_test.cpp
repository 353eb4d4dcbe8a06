// Tests for the judgement of a repeated value: signs of automation act, concentration and
// repetition alone only watch, and each reason keeps its figures.
#include <gtest/gtest.h>

#include "defence/detect/detector.hpp"
#include "defence/detect/judgement.hpp"

namespace rempart::defence::detect {
namespace {

Observation cluster(Dimension dimension, std::int64_t count, std::int64_t networks) {
    Observation c;
    c.dimension = dimension;
    c.attempts_in_window = count;
    c.window_total = count * 4;
    c.distinct_networks = networks;
    return c;
}

TEST(Judgement, RepetitionAloneIsWatchedAndSaysWhy) {
    const auto j = judge(cluster(Dimension::comment, 80, 80), {});
    EXPECT_FALSE(j.act);
    ASSERT_EQ(j.reasons.size(), 1u);
    EXPECT_EQ(j.reasons[0].signal, Signal::repetition);
    EXPECT_EQ(j.text(), "repetition 80 320 comment");
}

TEST(Judgement, ReasonsReadBackAsTheyWereKept) {
    auto c = cluster(Dimension::name, 40, 5);
    c.with_trait[2] = 30;
    const auto j = judge(c, {});
    EXPECT_EQ(j.text(), "robot_agents 30 40 attempts\nfew_networks 40 5 attempts");
    const auto read = read_reasons(j.text());
    ASSERT_EQ(read.size(), 2u);
    EXPECT_EQ(read[0].signal, Signal::robot_agents);
    EXPECT_EQ(read[0].count, 30u);
    EXPECT_EQ(read[0].of, 40u);
    EXPECT_EQ(read[1].signal, Signal::few_networks);
    // What an older version wrote, or a damaged line, is left out.
    EXPECT_TRUE(read_reasons("30 of these 40 attempts came from data centres.").empty());
    EXPECT_TRUE(read_reasons("hosting thirty 40 attempts").empty());
    EXPECT_TRUE(read_reasons("hosting 30 40 attempts extra").empty());
    EXPECT_TRUE(read_reasons("teleportation 30 40 attempts").empty());
}

TEST(Judgement, FewNetworksAloneIsACampusAndOnlyWatched) {
    const auto j = judge(cluster(Dimension::email_domain, 120, 4), {});
    EXPECT_FALSE(j.act);
    bool shown = false;
    for (const auto& reason : j.reasons) shown = shown || reason.signal == Signal::few_networks;
    EXPECT_TRUE(shown) << j.text();
    EXPECT_NE(j.text().find("few_networks 120 4 attempts"), std::string::npos) << j.text();
}

TEST(Judgement, WhatSentThemAndHowFastActPastTheirShare) {
    const std::pair<std::size_t, Signal> signs[] = {{2, Signal::robot_agents},
                                                    {3, Signal::instant_proofs}};
    for (const auto& [trait, signal] : signs) {
        auto c = cluster(Dimension::name, 40, 40);
        c.timed = 40;
        c.with_trait[trait] = 20;  // half: acts
        auto j = judge(c, {});
        EXPECT_TRUE(j.act) << to_string(signal);
        ASSERT_FALSE(j.reasons.empty());
        EXPECT_EQ(j.reasons.front().signal, signal);
        EXPECT_EQ(j.reasons.front().count, 20u);
        EXPECT_EQ(j.reasons.front().of, 40u);
        EXPECT_EQ(j.reasons.front().subject, "attempts");
        c.with_trait[trait] = 19;  // under half
        EXPECT_FALSE(judge(c, {}).act) << to_string(signal);
    }
}

// People sign through VPNs, which run in data centres: where from is shown, never acted on.
TEST(Judgement, WhereTheyCameFromIsShownButNeverActsAlone) {
    auto c = cluster(Dimension::automation, 60, 50);
    c.with_trait[0] = 60;
    c.with_trait[1] = 60;
    c.confirmed = 40;
    c.confirmed_from_data_centres = 40;
    auto j = judge(c, {});
    EXPECT_FALSE(j.act);
    std::vector<Signal> shown;
    for (const auto& reason : j.reasons) shown.push_back(reason.signal);
    EXPECT_EQ(shown, (std::vector<Signal>{Signal::repetition, Signal::hosting, Signal::unlisted,
                                          Signal::confirmations_from_hosting}));
    // The same with proofs no browser solves so fast: now it acts, and says all of it.
    c.timed = 48;
    c.with_trait[3] = 48;
    j = judge(c, {});
    EXPECT_TRUE(j.act);
    EXPECT_EQ(j.reasons.front().signal, Signal::instant_proofs);
    EXPECT_EQ(j.reasons.size(), 4u);
}

TEST(Judgement, InstantProofsAreCountedAmongThoseLargeEnoughToTime) {
    auto c = cluster(Dimension::automation, 100, 90);
    c.timed = 60;  // the other 40 found a small number: too quick to tell
    c.with_trait[3] = 30;
    EXPECT_TRUE(judge(c, {}).act);
    EXPECT_NE(judge(c, {}).text().find("instant_proofs 30 60 attempts"), std::string::npos);
    c.with_trait[3] = 29;
    EXPECT_FALSE(judge(c, {}).act);
}

TEST(Judgement, AFewAutomatedAttemptsAreNotEnoughWhateverTheirShare) {
    auto c = cluster(Dimension::name, 12, 12);
    c.with_trait[2] = 9;  // 75 %, but fewer than ten
    EXPECT_FALSE(judge(c, {}).act);
    c.with_trait[2] = 10;
    EXPECT_TRUE(judge(c, {}).act);
}

TEST(Judgement, ScriptedConfirmationsAct) {
    auto c = cluster(Dimension::email_domain, 100, 90);
    c.confirmed = 30;
    c.confirmed_by_script = 14;
    EXPECT_FALSE(judge(c, {}).act);
    c.confirmed_by_script = 15;
    const auto j = judge(c, {});
    EXPECT_TRUE(j.act);
    EXPECT_EQ(j.reasons.front().signal, Signal::scripted_confirmations);
    EXPECT_NE(j.text().find("scripted_confirmations 15 30 confirmations"), std::string::npos)
        << j.text();
}

TEST(Judgement, ConfirmationsWithinSecondsAreCountedAsConfirmations) {
    auto c = cluster(Dimension::confirm_network, 30, 1);
    c.with_trait[3] = 30;
    const auto j = judge(c, {});
    EXPECT_TRUE(j.act);
    EXPECT_NE(j.text().find("instant_proofs 30 30 confirmations"), std::string::npos) << j.text();
}

TEST(Judgement, TheRulesAreSettings) {
    auto c = cluster(Dimension::name, 40, 40);
    c.with_trait[2] = 12;
    JudgeRules rules;
    EXPECT_FALSE(judge(c, rules).act);
    rules.automated_share = 0.3;
    EXPECT_TRUE(judge(c, rules).act);
    rules.min_automated = 13;
    EXPECT_FALSE(judge(c, rules).act);
}

}  // namespace
}  // namespace rempart::defence::detect
