// (a) and (b): the seed's flood, a steady script from a few hundred hosts of one hosting
// AS, celebrity names and one comment; on a catch-all domain, every mail confirmed.
#include <algorithm>
#include <cmath>
#include <vector>

#include "address_space.hpp"
#include "scenarios.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

constexpr std::string_view catch_all_domain = "catchall.example";

// The flood's hosts: a few /24s of OVH, as many hosts in each as it takes. Eight /24s keep
// each one under its limit at 5/s, as the 2020 flood was; faster floods meet it.
std::vector<std::string> flood_hosts(unsigned count, Random& random) {
    const auto& ovh = as_block(16276);
    constexpr unsigned networks = 8;
    std::vector<std::string> hosts;
    const std::size_t first = random.below(200);
    for (unsigned i = 0; i < count; ++i)
        hosts.push_back(host_in(network_in(ovh, first + i % networks), 10 + i / networks));
    return hosts;
}

}  // namespace

Plan seed_flood(const ScenarioOptions& options, bool catch_all, double start_s) {
    Random random(options.seed * 31 + (catch_all ? 2 : 1));
    Plan plan;
    plan.scenario = catch_all ? "catch-all" : "seed";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    const double rate = options.attack_rate > 0 ? options.attack_rate : 5.0;
    const auto hosts = flood_hosts(std::max(1u, options.flood_hosts), random);
    const auto count = static_cast<std::size_t>(std::floor((options.duration_s - start_s) * rate));
    for (std::size_t i = 0; i < count; ++i) {
        PlannedAttempt attempt;
        attempt.offset_s = start_s + static_cast<double>(i) / rate;
        attempt.ip = hosts[random.below(hosts.size())];
        attempt.name = celebrities()[random.weighted(celebrity_weights())];
        const auto domain = catch_all ? catch_all_domain : random.pick(throwaway_domains());
        attempt.email = random_token(random, 8 + random.below(4)) + "@" + std::string(domain);
        if (random.chance(0.5)) attempt.postcode = random_postcode(random);
        if (random.chance(0.9)) attempt.comment = seed_comment;
        attempt.user_agent = script_user_agent;
        attempt.is_fake = true;
        // The catch-all's owner confirms every mail by script, from its own hosts.
        if (catch_all || random.chance(options.seed_confirm_share))
            attempt.confirmation = Confirmation{random.between(1, 6), attempt.ip};
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
