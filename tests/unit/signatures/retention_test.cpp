// Tests for [retention]: its defaults, its bounds (never 0: a rule at 0 would erase what is
// being written) and the moments before which each rule applies.
#include "signatures/retention.hpp"

#include <gtest/gtest.h>

#include "core/config.hpp"

namespace rempart {
namespace {

Result<RetentionSettings> read_retention(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_retention_settings);
}

TEST(Retention, DefaultsAreThePrivacyPagesPromises) {
    const auto settings = read_retention("");
    ASSERT_TRUE(settings.ok());
    EXPECT_EQ(settings->unconfirmed_days, 30);
    EXPECT_EQ(settings->after_close_days, 183);
    EXPECT_EQ(settings->addresses_days, 30);
    EXPECT_EQ(settings->events_days, 90);
    EXPECT_EQ(settings->evidence_days, 365);
}

TEST(Retention, EachPeriodIsReadAndNoneMayBeZeroOrAbsurd) {
    const auto settings = read_retention(
        "[retention]\nunconfirmed_days = 12\naudit_days = 3650\npass_every_min = 1\n");
    ASSERT_TRUE(settings.ok()) << settings.error().detail;
    EXPECT_EQ(settings->unconfirmed_days, 12);
    EXPECT_EQ(settings->audit_days, 3650);
    EXPECT_EQ(settings->pass_every_min, 1);
    EXPECT_EQ(read_retention("")->pass_every_min, 10);
    for (const char* wrong :
         {"[retention]\nunconfirmed_days = 0\n", "[retention]\nmail_days = -1\n",
          "[retention]\npass_every_min = 0\n", "[retention]\npass_every_min = 1441\n",
          "[retention]\nevents_days = 3651\n", "[retention]\nafter_close_days = \"six months\"\n",
          "[retention]\nforever = 1\n"}) {
        const auto refused = read_retention(wrong);
        ASSERT_FALSE(refused.ok()) << wrong;
        EXPECT_NE(refused.error().detail.find("retention"), std::string::npos)
            << refused.error().detail;
    }
}

TEST(Retention, EachCutoffIsItsPeriodBeforeNow) {
    RetentionSettings settings;
    settings.unconfirmed_days = 1;
    settings.after_close_days = 2;
    settings.addresses_days = 3;
    settings.events_days = 4;
    settings.evidence_days = 5;
    settings.mail_days = 6;
    settings.sessions_days = 7;
    settings.audit_days = 8;
    constexpr std::int64_t now = 1'000'000;
    const auto cut = retention_cutoffs(settings, now);
    EXPECT_EQ(cut.unconfirmed, now - 86400);
    EXPECT_EQ(cut.closed, now - 2 * 86400);
    EXPECT_EQ(cut.addresses, now - 3 * 86400);
    EXPECT_EQ(cut.events, now - 4 * 86400);
    EXPECT_EQ(cut.evidence, now - 5 * 86400);
    EXPECT_EQ(cut.mail, now - 6 * 86400);
    EXPECT_EQ(cut.sessions, now - 7 * 86400);
    EXPECT_EQ(cut.audit, now - 8 * 86400);
}

}  // namespace
}  // namespace rempart
