// Reads the detector's keys of [detect].
#include "defence/detect/settings.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "core/config.hpp"

namespace rempart::defence::detect {
namespace {

// "gmail.com", "xn--bcher-kva.example": lower-case ASCII labels, at least two, as signers'
// addresses are compared.
bool is_mail_domain(std::string_view text) {
    if (text.empty() || text.size() > 253 || text.front() == '.' || text.back() == '.' ||
        text.find('.') == std::string_view::npos || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

// Autonomous system numbers, [3215, 12322]; an empty array is taken. AS 0 is reserved: no
// address is announced by it.
void read_as_numbers(config::Section& detect, std::string_view key,
                     std::vector<std::uint32_t>& out) {
    detect.integers(key, 1, 4'294'967'295, "AS numbers such as [3215, 12322]", out);
}

// The file's names for the rules, written out so that renaming a dimension in the code
// cannot rename a setting.
struct RuleKey {
    Dimension dimension;
    std::string_view name;
};
constexpr RuleKey rule_keys[] = {
    {Dimension::name, "name"},
    {Dimension::comment, "comment"},
    {Dimension::email_domain, "email_domain"},
    {Dimension::network, "network"},
    {Dimension::as, "as"},
    {Dimension::user_agent, "user_agent"},
    {Dimension::confirm_network, "confirm_network"},
    {Dimension::automation, "automation"},
};
static_assert(std::size(rule_keys) == dimension_count);

// Three keys for each of the rules, read alike: name_min_count, name_min_share...
void read_rule(config::Section& detect, std::string_view key, Rule& rule) {
    const std::string name(key);
    detect.integer(name + "_min_count", 1, 1'000'000, rule.min_count);
    detect.share_or_never(name + "_min_share", rule.min_share);
    detect.number(name + "_over_baseline", 0, 1000, rule.over_baseline);
}

}  // namespace

DetectorConfig read_detector_config(config::File& file) {
    DetectorConfig config;
    auto detect = file.section("detect");
    detect.duration("window_seconds", 1, 86400, config.window);
    for (const auto& [dimension, name] : rule_keys)
        read_rule(detect, name, config.rules[static_cast<std::size_t>(dimension)]);
    detect.texts("large_mail_providers", config.large_providers,
                 "mail domains in lower case such as \"gmail.com\" (an accented domain in its "
                 "xn-- form)",
                 &is_mail_domain);
    read_as_numbers(detect, "eyeball_networks", config.large_networks);
    detect.duration("baseline_half_life_seconds", 1, 30 * 86400, config.baseline_half_life);
    detect.number("petition_prior", 1, 1'000'000, config.petition_prior);
    // About 300 bytes an attempt, per petition: a million is already 300 MB for one.
    detect.integer("max_window_attempts", 1, 1'000'000, config.max_window_events);
    detect.integer("min_senders", 1, 1000, config.min_senders);
    // When a cluster is acted on rather than watched.
    auto& judge = config.judge;
    detect.integer("automation_min_attempts", 1, 1'000'000, judge.min_automated);
    detect.share("automation_share", judge.automated_share);
    detect.number("attempts_per_network", 1, 1'000'000, judge.attempts_per_network);
    // What makes an attempt look automated.
    auto& traits = config.traits;
    read_as_numbers(detect, "hosting_networks", traits.hosting_networks);
    detect.number("browser_hashes_per_ms", 1, 1'000'000'000, traits.browser_hashes_per_ms);
    detect.integer("min_timed_number", 1, 100'000'000, traits.min_timed_number);
    detect.integer("min_browser_took_ms", 1, 60'000, traits.min_browser_took_ms);
    detect.integer("instant_confirmation_seconds", 1, 3600, traits.instant_confirmation_s);
    return config;
}

}  // namespace rempart::defence::detect
