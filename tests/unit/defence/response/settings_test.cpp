// Tests for incidents/settings: the whole of [detect] read into the defence's options, the
// defence's own keys, and the README's [detect] block against the code's defaults.
#include "defence/response/settings.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "support/settings_bounds.hpp"

namespace rempart::defence {
namespace {

using defence::Dimension;

const detect::Rule& rule(const DefenceOptions& options, Dimension dimension) {
    return options.detector.rules[static_cast<std::size_t>(dimension)];
}

Result<DefenceOptions> parse_detect(const std::string& lines) {
    return config::parse("[detect]\n" + lines + "\n", "rempart.toml", read_defence_options);
}

DefenceOptions parsed(const std::string& detect_section) {
    auto options = parse_detect(detect_section);
    EXPECT_TRUE(options.ok()) << options.error().detail;
    return options.ok() ? *options : DefenceOptions{};
}

// Every threshold [detect] sets, compared.
void expect_same_thresholds(const DefenceOptions& got, const DefenceOptions& want) {
    const auto& a = got.detector;
    const auto& b = want.detector;
    EXPECT_EQ(a.window, b.window);
    for (std::size_t d = 0; d < defence::dimension_count; ++d) {
        EXPECT_EQ(a.rules[d].min_count, b.rules[d].min_count) << d;
        EXPECT_EQ(a.rules[d].min_share, b.rules[d].min_share) << d;
        EXPECT_EQ(a.rules[d].over_baseline, b.rules[d].over_baseline) << d;
    }
    EXPECT_EQ(a.large_providers, b.large_providers);
    EXPECT_EQ(a.large_networks, b.large_networks);
    EXPECT_EQ(a.baseline_half_life, b.baseline_half_life);
    EXPECT_EQ(a.petition_prior, b.petition_prior);
    EXPECT_EQ(a.max_window_events, b.max_window_events);
    EXPECT_EQ(a.min_senders, b.min_senders);
    EXPECT_EQ(a.judge.min_automated, b.judge.min_automated);
    EXPECT_EQ(a.judge.automated_share, b.judge.automated_share);
    EXPECT_EQ(a.judge.attempts_per_network, b.judge.attempts_per_network);
    EXPECT_EQ(a.traits.hosting_networks, b.traits.hosting_networks);
    EXPECT_EQ(a.traits.browser_hashes_per_ms, b.traits.browser_hashes_per_ms);
    EXPECT_EQ(a.traits.min_timed_number, b.traits.min_timed_number);
    EXPECT_EQ(a.traits.min_browser_took_ms, b.traits.min_browser_took_ms);
    EXPECT_EQ(a.traits.instant_confirmation_s, b.traits.instant_confirmation_s);
    EXPECT_EQ(got.hold, want.hold);
    EXPECT_EQ(got.raised_difficulty, want.raised_difficulty);
    EXPECT_EQ(got.bans.network_min_attempts, want.bans.network_min_attempts);
    EXPECT_EQ(got.bans.network_min_share, want.bans.network_min_share);
    EXPECT_EQ(got.bans.max_networks, want.bans.max_networks);
    EXPECT_EQ(got.bans.as_min_attempts, want.bans.as_min_attempts);
    EXPECT_EQ(got.bans.as_min_share, want.bans.as_min_share);
    EXPECT_EQ(got.bans.never_ban, want.bans.never_ban);
    EXPECT_EQ(got.bans.duration, want.bans.duration);
}

TEST(DefenceSettings, NothingWrittenKeepsTheDefencesOwnDefaults) {
    expect_same_thresholds(parsed(""), DefenceOptions{});
    // Left empty: the defence fills in the eyeball networks itself.
    EXPECT_TRUE(parsed("").bans.never_ban.empty());
}

// The README's [detect] block, uncommented, is the defaults: the one place they are written
// out for people is checked against the one place the code keeps them.
TEST(DefenceSettings, TheReadmesDetectBlockIsTheDefaults) {
    std::ifstream in(REMPART_SOURCE_DIR "/README.md");
    ASSERT_TRUE(in) << "README.md not found";
    std::stringstream whole;
    whole << in.rdbuf();
    const auto readme = whole.str();
    const std::string opening = "```toml\n[detect]\n";
    const auto start = readme.find(opening);
    ASSERT_NE(start, std::string::npos) << "no [detect] block in README.md";
    const auto end = readme.find("```", start + opening.size());
    ASSERT_NE(end, std::string::npos);
    std::istringstream block(readme.substr(start + opening.size(), end - start - opening.size()));
    std::string uncommented;
    std::size_t keys = 0;
    for (std::string line; std::getline(block, line);) {
        ASSERT_TRUE(line.starts_with("#")) << "written out, not commented: " << line;
        if (line.find(" = ") != std::string::npos) ++keys;
        uncommented += line.substr(line.starts_with("# ") ? 2 : 1) + "\n";
    }
    EXPECT_EQ(keys, 48u) << "every [detect] key, once";
    expect_same_thresholds(parsed(uncommented), DefenceOptions{});
}

TEST(DefenceSettings, EveryKeyReachesTheDefence) {
    const auto options = parsed(R"(
window_seconds = 300
name_min_count = 21
name_min_share = 0.02
comment_min_share = 0.3
email_domain_over_baseline = 8
network_min_share = 0.5
as_min_count = 41
user_agent_min_count = 61
confirm_network_min_share = 0.25
automation_over_baseline = 4
large_mail_providers = ["mail.example"]
eyeball_networks = [64501]
baseline_half_life_seconds = 600
petition_prior = 50
max_window_attempts = 1000
min_senders = 4
automation_min_attempts = 12
automation_share = 0.7
attempts_per_network = 6
hosting_networks = [64502, 64503]
browser_hashes_per_ms = 5000
min_timed_number = 3000
min_browser_took_ms = 25
instant_confirmation_seconds = 5
hold_seconds = 900
raised_difficulty = 500000
ban_network_min_attempts = 9
ban_network_min_share = 0.7
ban_max_networks = 16
ban_as_min_attempts = 80
ban_as_min_share = 0.95
never_ban = [64504]
ban_seconds = 600
)");
    const auto& detector = options.detector;
    EXPECT_EQ(detector.window, std::chrono::seconds(300));
    EXPECT_EQ(rule(options, Dimension::name).min_count, 21u);
    EXPECT_EQ(rule(options, Dimension::name).min_share, 0.02);
    EXPECT_EQ(rule(options, Dimension::comment).min_share, 0.3);
    EXPECT_EQ(rule(options, Dimension::email_domain).over_baseline, 8.0);
    EXPECT_EQ(rule(options, Dimension::network).min_share, 0.5);
    EXPECT_EQ(rule(options, Dimension::as).min_count, 41u);
    EXPECT_EQ(rule(options, Dimension::user_agent).min_count, 61u);
    EXPECT_EQ(rule(options, Dimension::confirm_network).min_share, 0.25);
    EXPECT_EQ(rule(options, Dimension::automation).over_baseline, 4.0);
    // What was not written in a rule keeps its default.
    EXPECT_EQ(rule(options, Dimension::comment).min_count,
              defence::detect::DetectorConfig{}
                  .rules[static_cast<std::size_t>(Dimension::comment)]
                  .min_count);
    EXPECT_EQ(detector.large_providers, std::vector<std::string>{"mail.example"});
    EXPECT_EQ(detector.large_networks, std::vector<std::uint32_t>{64501});
    EXPECT_EQ(detector.baseline_half_life, std::chrono::seconds(600));
    EXPECT_EQ(detector.petition_prior, 50.0);
    EXPECT_EQ(detector.max_window_events, 1000u);
    EXPECT_EQ(detector.min_senders, 4u);
    EXPECT_EQ(detector.judge.min_automated, 12u);
    EXPECT_EQ(detector.judge.automated_share, 0.7);
    EXPECT_EQ(detector.judge.attempts_per_network, 6.0);
    EXPECT_EQ(detector.traits.hosting_networks, (std::vector<std::uint32_t>{64502, 64503}));
    EXPECT_EQ(detector.traits.browser_hashes_per_ms, 5000.0);
    EXPECT_EQ(detector.traits.min_timed_number, 3000);
    EXPECT_EQ(detector.traits.min_browser_took_ms, 25);
    EXPECT_EQ(detector.traits.instant_confirmation_s, 5);
    EXPECT_EQ(options.hold, std::chrono::seconds(900));
    EXPECT_EQ(options.raised_difficulty, 500000u);
    EXPECT_EQ(options.bans.network_min_attempts, 9u);
    EXPECT_EQ(options.bans.network_min_share, 0.7);
    EXPECT_EQ(options.bans.max_networks, 16u);
    EXPECT_EQ(options.bans.as_min_attempts, 80u);
    EXPECT_EQ(options.bans.as_min_share, 0.95);
    EXPECT_EQ(options.bans.never_ban, std::vector<std::uint32_t>{64504});
    EXPECT_EQ(options.bans.duration, std::chrono::seconds(600));
}

TEST(DefenceSettings, ReadsTheDefencesOwnKeys) {
    const auto options = parsed(R"(
hold_seconds = 7200
raised_difficulty = 400000
ban_network_min_attempts = 10
ban_network_min_share = 0.9
ban_max_networks = 32
ban_as_min_attempts = 100
ban_as_min_share = 0.95
never_ban = [64500]
ban_seconds = 3600
)");
    EXPECT_EQ(options.hold, std::chrono::hours(2));
    EXPECT_EQ(options.raised_difficulty, 400000u);
    EXPECT_EQ(options.bans.network_min_attempts, 10u);
    EXPECT_EQ(options.bans.network_min_share, 0.9);
    EXPECT_EQ(options.bans.max_networks, 32u);
    EXPECT_EQ(options.bans.as_min_attempts, 100u);
    EXPECT_EQ(options.bans.as_min_share, 0.95);
    EXPECT_EQ(options.bans.never_ban, std::vector<std::uint32_t>{64500});
    EXPECT_EQ(options.bans.duration, std::chrono::hours(1));
}

// One row a bound: the value at it (taken) and one past it (refused, naming the key).
TEST(DefenceSettings, EachBoundIsTakenAndOnePastItRefusedNamingTheKey) {
    const testing::Bound rows[] = {
        {"hold_seconds", "1", "0"},
        {"hold_seconds", "2592000", "2592001"},
        {"raised_difficulty", "1", "0"},
        {"raised_difficulty", "100000000", "100000001"},
        {"ban_network_min_attempts", "1", "0"},
        {"ban_network_min_attempts", "1000000", "1000001"},
        {"ban_network_min_share", "0.000001", "0"},
        {"ban_network_min_share", "1", "1.001"},
        {"ban_max_networks", "1", "0"},
        {"ban_max_networks", "100000", "100001"},
        {"ban_as_min_attempts", "1", "0"},
        {"ban_as_min_attempts", "1000000", "1000001"},
        {"ban_as_min_share", "0.000001", "0"},
        {"ban_as_min_share", "1", "1.001"},
        {"ban_seconds", "1", "0"},
        {"ban_seconds", "2592000", "2592001"},
        {"never_ban", "[1]", "[0]"},
        {"never_ban", "[4294967295]", "[4294967296]"},
    };
    testing::expect_bounds(rows, "detect", parse_detect);
}

TEST(DefenceSettings, AWrongTypeIsRefusedNamingTheKey) {
    const auto options = parse_detect("never_ban = [\"AS3215\"]");
    ASSERT_FALSE(options.ok());
    EXPECT_EQ(options.error().code, ConfigError::bad_value);
    EXPECT_NE(options.error().detail.find("[detect] never_ban: expected an array of AS numbers"),
              std::string::npos)
        << options.error().detail;
}

}  // namespace
}  // namespace rempart::defence
