// Tests for the judgement of a repeated value: signs of automation act, concentration and
// repetition alone only watch, and each reason is a sentence with its figures.
#include <gtest/gtest.h>

#include "detect/detector.hpp"
#include "detect/judgement.hpp"

namespace rempart::detect {
namespace {

Cluster cluster(Dimension dimension, std::size_t count, std::size_t networks) {
    Cluster c;
    c.dimension = dimension;
    c.count = count;
    c.window_total = count * 4;
    c.distinct_networks = networks;
    return c;
}

TEST(Judgement, RepetitionAloneIsWatchedAndSaysWhy) {
    const auto j = judge(cluster(Dimension::comment, 80, 80), {});
    EXPECT_FALSE(j.act);
    ASSERT_EQ(j.reasons.size(), 1u);
    EXPECT_EQ(j.reasons[0].signal, Signal::repetition);
    EXPECT_NE(j.text().find("One comment came back 80 times (25 % of the window)"),
              std::string::npos)
        << j.text();
    EXPECT_NE(j.text().find("nothing was set aside"), std::string::npos);
}

TEST(Judgement, FewNetworksAloneIsACampusAndOnlyWatched) {
    const auto j = judge(cluster(Dimension::email_domain, 120, 4), {});
    EXPECT_FALSE(j.act);
    bool shown = false;
    for (const auto& reason : j.reasons) shown = shown || reason.signal == Signal::few_networks;
    EXPECT_TRUE(shown) << j.text();
    EXPECT_NE(j.text().find("only 4 networks"), std::string::npos);
}

TEST(Judgement, EachSignOfAutomationActsPastItsShare) {
    const std::pair<std::size_t, Signal> signs[] = {{0, Signal::hosting},
                                                    {1, Signal::unlisted},
                                                    {2, Signal::robot_agents},
                                                    {3, Signal::instant_proofs}};
    for (const auto& [trait, signal] : signs) {
        auto c = cluster(Dimension::name, 40, 40);
        c.with_trait[trait] = 20;  // half: acts
        auto j = judge(c, {});
        EXPECT_TRUE(j.act) << to_string(signal);
        ASSERT_FALSE(j.reasons.empty());
        EXPECT_EQ(j.reasons.front().signal, signal);
        EXPECT_NE(j.reasons.front().sentence.find("20 of these 40 attempts"), std::string::npos)
            << j.reasons.front().sentence;
        c.with_trait[trait] = 19;  // under half: a few VPN users in a crowd
        EXPECT_FALSE(judge(c, {}).act) << to_string(signal);
    }
}

TEST(Judgement, AFewAutomatedAttemptsAreNotEnoughWhateverTheirShare) {
    auto c = cluster(Dimension::name, 12, 12);
    c.with_trait[0] = 9;  // 75 %, but fewer than ten
    EXPECT_FALSE(judge(c, {}).act);
    c.with_trait[0] = 10;
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
    EXPECT_NE(j.text().find("15 of the 30 signatures confirmed"), std::string::npos) << j.text();
}

TEST(Judgement, ConfirmationsWithinSecondsAreDescribedAsSuch) {
    auto c = cluster(Dimension::confirm_network, 30, 1);
    c.with_trait[3] = 30;
    const auto j = judge(c, {});
    EXPECT_TRUE(j.act);
    EXPECT_NE(j.text().find("30 of these 30 confirmations came within seconds"),
              std::string::npos)
        << j.text();
}

TEST(Judgement, TheRulesAreSettings) {
    auto c = cluster(Dimension::name, 40, 40);
    c.with_trait[0] = 12;
    JudgeRules rules;
    EXPECT_FALSE(judge(c, rules).act);
    rules.automated_share = 0.3;
    EXPECT_TRUE(judge(c, rules).act);
    rules.min_automated = 13;
    EXPECT_FALSE(judge(c, rules).act);
}

}  // namespace
}  // namespace rempart::detect
