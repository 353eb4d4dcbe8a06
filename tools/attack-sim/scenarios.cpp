// Scenario names and labels, and the plans that combine parts: the slow attacker beside
// real signers, the seed's flood inside a television surge or another real crowd.
#include "scenarios.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace rempart::attack {

namespace {

struct Named {
    Scenario scenario;
    std::string_view name;
    std::string_view label;
    double default_duration_s;
    bool real_crowd;
};

constexpr std::array<Named, 12> names{{
    {Scenario::seed, "seed", "the seed's flood, 218 hosts of OVH, celebrity names, 5/s", 120,
     false},
    {Scenario::catch_all, "catch-all",
     "the flood on a catch-all domain, every mail confirmed by script", 120, false},
    {Scenario::adaptive, "adaptive",
     "slow adaptive attacker under every limit on catch-all domains, beside 3 real signers/s", 120,
     false},
    {Scenario::viral, "viral", "television surge, 50 real signers/s", 120, true},
    {Scenario::mix, "mix", "the seed's flood inside the television surge", 120, false},
    {Scenario::association, "association",
     "an association mails its members: 250 in 150 s, 60 % on its own domain, 40 % its "
     "suggested comment",
     150, true},
    {Scenario::comments, "comments",
     "a comment wave: 250 in 150 s, 30 % \"Bravo !\", 10 % \"Je signe\", big providers", 150, true},
    {Scenario::campus, "campus",
     "a surge one university relays: 20/s, 35 % on its domain, 30 % from its network's NAT", 150,
     true},
    {Scenario::adaptive_mailboxes, "adaptive-mailboxes",
     "the slow adaptive attacker with mailboxes at the big providers, beside 3 real signers/s", 120,
     false},
    {Scenario::association_mix, "association-mix",
     "the seed's flood inside the association's mailing", 150, false},
    {Scenario::comments_mix, "comments-mix", "the seed's flood inside the comment wave", 150,
     false},
    {Scenario::campus_mix, "campus-mix", "the seed's flood inside the campus surge", 150, false},
}};

constexpr std::array<Scenario, names.size()> every = [] {
    std::array<Scenario, names.size()> out{};
    for (std::size_t i = 0; i < names.size(); ++i) out[i] = names[i].scenario;
    return out;
}();

const Named& named(Scenario scenario) {
    for (const auto& entry : names)
        if (entry.scenario == scenario) return entry;
    return names[0];
}

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

std::span<const Scenario> every_scenario() {
    return every;
}

std::string_view to_string(Scenario scenario) {
    return named(scenario).name;
}

std::optional<Scenario> parse_scenario(std::string_view text) {
    if (text.size() == 1 && text[0] >= 'a' && text[0] <= 'd')
        return static_cast<Scenario>(text[0] - 'a');
    if (text == "c-mailboxes") return Scenario::adaptive_mailboxes;
    for (const auto& entry : names)
        if (entry.name == text) return entry.scenario;
    return std::nullopt;
}

std::string_view label(Scenario scenario) {
    return named(scenario).label;
}

double default_duration_s(Scenario scenario) {
    return named(scenario).default_duration_s;
}

bool is_real_crowd(Scenario scenario) {
    return named(scenario).real_crowd;
}

Plan make_plan(Scenario scenario, const ScenarioOptions& options) {
    const auto crowd_or = [&](double fallback) {
        return options.crowd_rate > 0 ? options.crowd_rate : fallback;
    };
    const auto with_flood = [&](std::string name, Plan crowd) {
        return merged(std::move(name), options, std::move(crowd),
                      seed_flood(options, false, options.duration_s * options.mix_flood_start));
    };
    constexpr double mailing_rate = 250.0 / 150;  // the association's and the wave's
    constexpr double campus_rate = 20;
    Plan plan;
    switch (scenario) {
        case Scenario::seed:
            plan = seed_flood(options, false);
            break;
        case Scenario::catch_all:
            plan = seed_flood(options, true);
            break;
        case Scenario::adaptive:
            plan = merged("adaptive", options, adaptive_attack(options),
                          viral_surge(options, crowd_or(3), options.seed + 1));
            break;
        case Scenario::adaptive_mailboxes:
            plan = merged("adaptive-mailboxes", options,
                          adaptive_attack(options, {}, AttackerMail::provider_mailboxes),
                          viral_surge(options, crowd_or(3), options.seed + 1));
            break;
        case Scenario::viral:
            plan = viral_surge(options, crowd_or(50), options.seed);
            break;
        case Scenario::mix:
            plan = with_flood("mix", viral_surge(options, crowd_or(50), options.seed));
            break;
        case Scenario::association:
            plan = association_mailing(options, crowd_or(mailing_rate), options.seed);
            break;
        case Scenario::comments:
            plan = comment_wave(options, crowd_or(mailing_rate), options.seed);
            break;
        case Scenario::campus:
            plan = campus_surge(options, crowd_or(campus_rate), options.seed);
            break;
        case Scenario::association_mix:
            plan = with_flood("association-mix",
                              association_mailing(options, crowd_or(mailing_rate), options.seed));
            break;
        case Scenario::comments_mix:
            plan = with_flood("comments-mix",
                              comment_wave(options, crowd_or(mailing_rate), options.seed));
            break;
        case Scenario::campus_mix:
            plan = with_flood("campus-mix",
                              campus_surge(options, crowd_or(campus_rate), options.seed));
            break;
    }
    make_mailboxes_unique(plan);
    return plan;
}

}  // namespace rempart::attack
