// The attacks of MISSION.md and the crowds the defence must leave alone, as plans: pure and
// deterministic from a seed.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "plan.hpp"

namespace rempart::attack {

enum class Scenario {
    seed,       // (a) the seed's flood: few hosting networks, celebrity names, one comment
    catch_all,  // (b) the same on a catch-all domain, every mail confirmed by script
    adaptive,   // (c) slow, varied, every IP, /24 and domain just under its limit
    viral,      // (d) a television surge of real people
    mix,        // (a) during (d)
    // Real crowds that repeat a value without any automation behind it.
    association,  // an association mails its members: its own domain, its suggested comment
    comments,     // a comment wave: "Bravo !" and "Je signe" on a popular petition
    campus,       // a surge from one university: its domain, its network's NAT addresses
    // (c) with mailboxes the attacker holds at the big providers: no domain stands out.
    adaptive_mailboxes,
    // The seed's flood inside each of those crowds, from a quarter of the way.
    association_mix,
    comments_mix,
    campus_mix,
};
std::span<const Scenario> every_scenario();
std::string_view to_string(Scenario scenario);
// The letters a-d, the names above, and c-mailboxes for adaptive-mailboxes.
std::optional<Scenario> parse_scenario(std::string_view text);
// One line saying what the scenario replays, with its default figures.
std::string_view label(Scenario scenario);
// Its length when none is asked: 120 s for the attacks of MISSION.md, 150 s for the crowds
// that a mailing or a wave of comments brings (and their mixes).
double default_duration_s(Scenario scenario);
// No attacker in it: every attempt is a real person's.
bool is_real_crowd(Scenario scenario);

struct ScenarioOptions {
    std::uint64_t seed = 1;
    double duration_s = 120;
    // Attempts a second of the attacker ((a), (b), (c)); 0: the scenario's own default
    // (5/s for the seed's flood as in 2020, 2/s for the slow attacker).
    double attack_rate = 0;
    // Attempts a second of the crowd ((d), the mix; and the real signers beside (c)).
    // 0: 50/s for (d) and the mix, 3/s beside (c) and c-mailboxes, 250 in 150 s for the
    // association and the comment wave, 20/s for the campus (and as much in their mixes).
    double crowd_rate = 0;
    // Hosts the flood sends from ((a), (b)): 218 in 2020.
    unsigned flood_hosts = 218;
    // Share of (a)'s mails the flood confirms (none in 2020).
    double seed_confirm_share = 0;
    // Real signers confirm after an exponential delay with this mean; some never do.
    double crowd_confirm_mean_s = 90;
    double crowd_never_confirm_share = 0.15;
    // When the flood starts in the mix, as a share of the duration.
    double mix_flood_start = 0.25;
    // The slow attacker confirms after a human-looking delay up to this.
    double adaptive_confirm_max_s = 120;
};

// The limits the slow attacker stays under (the server's defaults, less a margin).
struct KeyCaps {
    unsigned per_ip_minute = 9;
    unsigned per_network_minute = 54;
    unsigned per_domain_minute = 5400;
};

Plan make_plan(Scenario scenario, const ScenarioOptions& options);

// What the real crowds repeat, for the tests that check their shape.
inline constexpr std::string_view association_domain = "amis-du-bocage.fr";
inline constexpr std::string_view association_comment =
    "Adhérent des Amis du bocage, je demande que les haies et les chemins creux soient "
    "protégés.";
inline constexpr unsigned association_department = 53;  // Mayenne
inline constexpr std::string_view university_domain = "etu.univ-exemple.fr";
inline constexpr std::uint32_t university_asn = 2200;  // RENATER
inline constexpr std::string_view bravo_comment = "Bravo !";
inline constexpr std::string_view je_signe_comment = "Je signe";

// The parts, for tests and for mixing.
// The flood from `start_s` to the end ((a), or (b) with `catch_all`).
Plan seed_flood(const ScenarioOptions& options, bool catch_all, double start_s = 0);
// Where the slow attacker's mailboxes are: catch-all domains it owns ((c)), or mailboxes
// it opened at the big providers, spread as a crowd's are (c-mailboxes).
enum class AttackerMail { catch_all, provider_mailboxes };
Plan adaptive_attack(const ScenarioOptions& options, const KeyCaps& caps = {},
                     AttackerMail mail = AttackerMail::catch_all);
Plan viral_surge(const ScenarioOptions& options, double rate, std::uint64_t seed,
                 double start_s = 0);
// The real crowds, `rate` people a second over the whole run.
Plan association_mailing(const ScenarioOptions& options, double rate, std::uint64_t seed);
Plan comment_wave(const ScenarioOptions& options, double rate, std::uint64_t seed);
Plan campus_surge(const ScenarioOptions& options, double rate, std::uint64_t seed);

}  // namespace rempart::attack
