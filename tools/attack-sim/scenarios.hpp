// The attacks of MISSION.md and the crowd the defence must leave alone, as plans: pure and
// deterministic from a seed.
#pragma once

#include <cstdint>
#include <optional>
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
};
std::string_view to_string(Scenario scenario);
std::optional<Scenario> parse_scenario(std::string_view text);

struct ScenarioOptions {
    std::uint64_t seed = 1;
    double duration_s = 120;
    // Attempts a second of the attacker ((a), (b), (c)); 0: the scenario's own default
    // (5/s for the seed's flood as in 2020, 2/s for the slow attacker).
    double attack_rate = 0;
    // Attempts a second of the crowd ((d), the mix; and the real signers beside (c)).
    double crowd_rate = 0;  // 0: 50/s for (d) and the mix, 3/s beside (c)
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

// The parts, for tests and for mixing.
// The flood from `start_s` to the end ((a), or (b) with `catch_all`).
Plan seed_flood(const ScenarioOptions& options, bool catch_all, double start_s = 0);
Plan adaptive_attack(const ScenarioOptions& options, const KeyCaps& caps = {});
Plan viral_surge(const ScenarioOptions& options, double rate, std::uint64_t seed,
                 double start_s = 0);

}  // namespace rempart::attack
