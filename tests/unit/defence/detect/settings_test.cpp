// Tests for detect/settings: the detector's keys of [detect], values read, each bound and one
// past it, refusals.
#include "defence/detect/settings.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/config.hpp"
#include "support/settings_bounds.hpp"

namespace rempart::defence::detect {
namespace {

Result<DetectorConfig> parse_detect(const std::string& lines) {
    return config::parse("[detect]\n" + lines + "\n", "rempart.toml", read_detector_config);
}

const Rule& rule(const DetectorConfig& config, Dimension dimension) {
    return config.rules[static_cast<std::size_t>(dimension)];
}

// The detector's eight keys, each with a rule of three settings.
const char* const dimensions[] = {"name", "comment",    "email_domain",    "network",
                                  "as",   "user_agent", "confirm_network", "automation"};

TEST(DetectorSettings, NothingWrittenKeepsTheDetectorsOwnDefaults) {
    const auto config = parse_detect("");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    const DetectorConfig defaults;
    EXPECT_EQ(config->window, defaults.window);
    EXPECT_EQ(rule(*config, Dimension::name).min_count, rule(defaults, Dimension::name).min_count);
    EXPECT_EQ(rule(*config, Dimension::automation).over_baseline,
              rule(defaults, Dimension::automation).over_baseline);
    EXPECT_EQ(config->large_providers, defaults.large_providers);
    EXPECT_EQ(config->large_networks, defaults.large_networks);
    EXPECT_EQ(config->traits.hosting_networks, defaults.traits.hosting_networks);
}

TEST(DetectorSettings, ReadsEveryKey) {
    const auto config = parse_detect(R"(
window_seconds = 300
name_min_count = 25
name_min_share = 0.02
name_over_baseline = 0
comment_min_share = 0.25
email_domain_over_baseline = 8
network_min_share = 2
as_min_count = 100
user_agent_min_share = 2.0
confirm_network_min_count = 15
automation_over_baseline = 2.5
large_mail_providers = ["gmail.com", "xn--bcher-kva.example"]
eyeball_networks = [3215, 4294967295]
baseline_half_life_seconds = 7200
petition_prior = 500
max_window_attempts = 100000
min_senders = 5
automation_min_attempts = 20
automation_share = 0.6
attempts_per_network = 8
hosting_networks = []
browser_hashes_per_ms = 20000.5
min_timed_number = 5000
min_browser_took_ms = 20
instant_confirmation_seconds = 3
)");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    const auto& detect = *config;
    EXPECT_EQ(detect.window, std::chrono::seconds(300));
    EXPECT_EQ(rule(detect, Dimension::name).min_count, 25u);
    EXPECT_EQ(rule(detect, Dimension::name).min_share, 0.02);
    EXPECT_EQ(rule(detect, Dimension::name).over_baseline, 0.0);
    // only what is written is set
    EXPECT_EQ(rule(detect, Dimension::comment).min_count,
              rule(DetectorConfig{}, Dimension::comment).min_count);
    EXPECT_EQ(rule(detect, Dimension::comment).min_share, 0.25);
    // a whole number is a number too
    EXPECT_EQ(rule(detect, Dimension::email_domain).over_baseline, 8.0);
    EXPECT_EQ(rule(detect, Dimension::network).min_share, 2.0);  // never, as written
    EXPECT_EQ(rule(detect, Dimension::as).min_count, 100u);
    EXPECT_EQ(rule(detect, Dimension::user_agent).min_share, 2.0);
    EXPECT_EQ(rule(detect, Dimension::confirm_network).min_count, 15u);
    EXPECT_EQ(rule(detect, Dimension::automation).over_baseline, 2.5);
    EXPECT_EQ(detect.large_providers,
              (std::vector<std::string>{"gmail.com", "xn--bcher-kva.example"}));
    EXPECT_EQ(detect.large_networks, (std::vector<std::uint32_t>{3215, 4294967295u}));
    EXPECT_EQ(detect.baseline_half_life, std::chrono::hours(2));
    EXPECT_EQ(detect.petition_prior, 500.0);
    EXPECT_EQ(detect.max_window_events, 100000u);
    EXPECT_EQ(detect.min_senders, 5u);
    EXPECT_EQ(detect.judge.min_automated, 20u);
    EXPECT_EQ(detect.judge.automated_share, 0.6);
    EXPECT_EQ(detect.judge.attempts_per_network, 8.0);
    EXPECT_EQ(detect.traits.hosting_networks, std::vector<std::uint32_t>{});  // empty: none
    EXPECT_EQ(detect.traits.browser_hashes_per_ms, 20000.5);
    EXPECT_EQ(detect.traits.min_timed_number, 5000);
    EXPECT_EQ(detect.traits.min_browser_took_ms, 20);
    EXPECT_EQ(detect.traits.instant_confirmation_s, 3);
}

TEST(DetectorSettings, EachRuleKeyGoesToItsOwnRule) {
    for (const std::string dimension : dimensions) {
        const auto config = parse_detect(dimension + "_min_count = 7\n" + dimension +
                                         "_min_share = 0.3\n" + dimension + "_over_baseline = 4");
        ASSERT_TRUE(config.ok()) << config.error().detail;
        std::size_t set = 0;
        for (std::size_t i = 0; i < dimension_count; ++i) {
            // No rule's own default is 7: only the one written is.
            if (config->rules[i].min_count != 7) continue;
            ++set;
            EXPECT_EQ(dimensions[i], dimension);
            EXPECT_EQ(to_string(static_cast<Dimension>(i)), dimension);
            EXPECT_EQ(config->rules[i].min_count, 7u) << dimension;
            EXPECT_EQ(config->rules[i].min_share, 0.3) << dimension;
            EXPECT_EQ(config->rules[i].over_baseline, 4.0) << dimension;
        }
        EXPECT_EQ(set, 1u) << dimension;
    }
}

// One row a bound: the value at it (taken) and one past it (refused, naming the key).
std::vector<testing::Bound> bounds() {
    std::vector<testing::Bound> rows = {
        {"window_seconds", "1", "0"},
        {"window_seconds", "86400", "86401"},
        {"baseline_half_life_seconds", "1", "0"},
        {"baseline_half_life_seconds", "2592000", "2592001"},
        {"petition_prior", "1", "0.99"},
        {"petition_prior", "1000000", "1000000.5"},
        {"max_window_attempts", "1", "0"},
        {"max_window_attempts", "1000000", "1000001"},
        {"min_senders", "1", "0"},
        {"min_senders", "1000", "1001"},
        {"automation_min_attempts", "1", "0"},
        {"automation_min_attempts", "1000000", "1000001"},
        {"automation_share", "0.000001", "0"},
        {"automation_share", "1", "1.001"},
        {"attempts_per_network", "1", "0.5"},
        {"attempts_per_network", "1000000", "1000001"},
        {"browser_hashes_per_ms", "1", "0.5"},
        {"browser_hashes_per_ms", "1000000000", "1000000001"},
        {"min_timed_number", "1", "0"},
        {"min_timed_number", "100000000", "100000001"},
        {"min_browser_took_ms", "1", "0"},
        {"min_browser_took_ms", "60000", "60001"},
        {"instant_confirmation_seconds", "1", "0"},
        {"instant_confirmation_seconds", "3600", "3601"},
    };
    for (const std::string list : {"eyeball_networks", "hosting_networks"}) {
        rows.push_back({list, "[1]", "[0]"});
        rows.push_back({list, "[4294967295]", "[4294967296]"});
    }
    for (const std::string dimension : dimensions) {
        rows.push_back({dimension + "_min_count", "1", "0"});
        rows.push_back({dimension + "_min_count", "1000000", "1000001"});
        rows.push_back({dimension + "_min_share", "0.000001", "0"});
        // Past 1 means never; 2 is as far as that goes, so 5 (for 5 %) is caught.
        rows.push_back({dimension + "_min_share", "2", "2.001"});
        rows.push_back({dimension + "_over_baseline", "0", "-0.1"});
        rows.push_back({dimension + "_over_baseline", "1000", "1000.5"});
    }
    return rows;
}

TEST(DetectorSettings, EachBoundIsTakenAndOnePastItRefusedNamingTheKey) {
    const auto rows = bounds();
    ASSERT_EQ(rows.size(), 24u + 4u + 48u);
    testing::expect_bounds(rows, "detect", parse_detect);
}

TEST(DetectorSettings, MessagesSayWhatIsExpected) {
    const std::pair<const char*, const char*> cases[] = {
        {"name_min_share = 5",
         "[detect] name_min_share: expected a share above 0 and at most 1, such as 0.05, or 2 "
         "for never, got 5"},
        {"automation_share = 0",
         "[detect] automation_share: expected a share above 0 and at most 1, such as 0.05, got 0"},
        {"petition_prior = 0", "[detect] petition_prior: expected a number from 1 to 1000000"},
        {"eyeball_networks = [3215, 0]",
         "[detect] eyeball_networks: expected an array of AS numbers such as [3215, 12322], got 0"},
        {"automation_share = nan", "got nan"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_detect(toml);
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(DetectorSettings, AWrongTypeIsRefusedNamingTheKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"window_seconds = \"2m\"", "[detect] window_seconds: expected a whole number"},
        {"window_seconds = 1.5", "[detect] window_seconds: expected a whole number"},
        {"name_min_count = 2.5", "[detect] name_min_count: expected a whole number"},
        {"comment_min_share = \"10%\"", "[detect] comment_min_share: expected a share"},
        {"petition_prior = true", "[detect] petition_prior: expected a number"},
        {"eyeball_networks = 3215", "[detect] eyeball_networks: expected an array"},
        {"hosting_networks = [16276.5]", "[detect] hosting_networks: expected an array"},
        {"large_mail_providers = \"gmail.com\"", "[detect] large_mail_providers: expected"},
        {"large_mail_providers = [\"Gmail.com\"]", "got \"Gmail.com\""},
        {"large_mail_providers = [\"@gmail.com\"]", "got \"@gmail.com\""},
        {"large_mail_providers = [\"localhost\"]", "got \"localhost\""},
        {"large_mail_providers = [\"bücher.example\"]", "xn-- form"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_detect(toml);
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_EQ(config.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(DetectorSettings, AnUnknownKeyIsNamedWithItsLine) {
    const auto config = parse_detect("window_seconds = 60\nname_min_counts = 3");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::unknown_key);
    EXPECT_EQ(config.error().detail, "rempart.toml:3:1: unknown key [detect] name_min_counts");
    // The code's own names are not keys: the file speaks of attempts and seconds.
    EXPECT_FALSE(parse_detect("max_window_events = 10").ok());
    EXPECT_FALSE(parse_detect("window = 10").ok());
}

}  // namespace
}  // namespace rempart::defence::detect
