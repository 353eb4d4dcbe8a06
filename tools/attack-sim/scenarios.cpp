// Scenario names, and the plans that combine parts: the slow attacker beside real signers,
// the seed's flood inside a television surge.
#include "scenarios.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace rempart::attack {

namespace {

constexpr std::array<std::pair<Scenario, std::string_view>, 5> names{{
    {Scenario::seed, "seed"},
    {Scenario::catch_all, "catch-all"},
    {Scenario::adaptive, "adaptive"},
    {Scenario::viral, "viral"},
    {Scenario::mix, "mix"},
}};

// Both parts on one timeline; a mailbox used twice gets a suffix, since the second
// signature would be a duplicate and get no mail of its own.
Plan merged(std::string scenario, const ScenarioOptions& options, Plan a, Plan b) {
    Plan plan;
    plan.scenario = std::move(scenario);
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    plan.attempts = std::move(a.attempts);
    plan.attempts.insert(plan.attempts.end(), std::make_move_iterator(b.attempts.begin()),
                         std::make_move_iterator(b.attempts.end()));
    std::stable_sort(plan.attempts.begin(), plan.attempts.end(),
                     [](const auto& x, const auto& y) { return x.offset_s < y.offset_s; });
    return plan;
}

// The mailbox as the server tells duplicates apart: Gmail ignores dots, so
// "jean.martin" and "jeanmartin" there are one signer, and the second would get no mail.
std::string mailbox_of(const std::string& email) {
    const auto at = email.find('@');
    auto local = email.substr(0, at);
    const auto domain = email.substr(at + 1);
    if (domain == "gmail.com") std::erase(local, '.');
    return local + "@" + domain;
}

void make_mailboxes_unique(Plan& plan) {
    std::unordered_set<std::string> used;
    for (auto& attempt : plan.attempts) {
        const auto typed = attempt.email;
        for (int n = 2; !used.insert(mailbox_of(attempt.email)).second; ++n) {
            const auto at = typed.find('@');
            attempt.email = typed.substr(0, at) + "." + std::to_string(n) + typed.substr(at);
        }
    }
}

}  // namespace

std::string_view to_string(Scenario scenario) {
    for (const auto& [value, name] : names)
        if (value == scenario) return name;
    return "?";
}

std::optional<Scenario> parse_scenario(std::string_view text) {
    if (text.size() == 1 && text[0] >= 'a' && text[0] <= 'd')
        return static_cast<Scenario>(text[0] - 'a');
    for (const auto& [value, name] : names)
        if (name == text) return value;
    return std::nullopt;
}

Plan make_plan(Scenario scenario, const ScenarioOptions& options) {
    Plan plan;
    switch (scenario) {
        case Scenario::seed:
            plan = seed_flood(options, false);
            break;
        case Scenario::catch_all:
            plan = seed_flood(options, true);
            break;
        case Scenario::adaptive: {
            const double crowd = options.crowd_rate > 0 ? options.crowd_rate : 3.0;
            plan = merged("adaptive", options, adaptive_attack(options),
                          viral_surge(options, crowd, options.seed + 1));
            break;
        }
        case Scenario::viral: {
            const double crowd = options.crowd_rate > 0 ? options.crowd_rate : 50.0;
            plan = viral_surge(options, crowd, options.seed);
            break;
        }
        case Scenario::mix: {
            const double crowd = options.crowd_rate > 0 ? options.crowd_rate : 50.0;
            plan = merged("mix", options, viral_surge(options, crowd, options.seed),
                          seed_flood(options, false, options.duration_s * options.mix_flood_start));
            break;
        }
    }
    make_mailboxes_unique(plan);
    return plan;
}

}  // namespace rempart::attack
