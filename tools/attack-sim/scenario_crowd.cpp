// (d): a petition shown on television; people from every network of the country, with
// their own names and mailboxes, confirming when they read their mail, or never; each
// solving the proof of work in the browser of their own device.
#include "address_space.hpp"
#include "scenarios.hpp"
#include "solver_timing.hpp"
#include "word_lists.hpp"

namespace rempart::attack {

Plan viral_surge(const ScenarioOptions& options, double rate, std::uint64_t seed, double start_s) {
    Random random(seed * 131 + 4);
    // Devices from a stream of their own, so that the people stay those of earlier plans.
    Random devices(seed * 977 + 4);
    Plan plan;
    plan.scenario = "viral";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    // Arrivals of independent people: a Poisson process at the surge's rate.
    for (double at = start_s + random.exponential(1 / rate); at < options.duration_s;
         at += random.exponential(1 / rate)) {
        PlannedAttempt attempt;
        attempt.offset_s = at;
        attempt.ip = host_by_share(eyeball_shares(), random);
        attempt.name = real_looking_name(random);
        attempt.email = mailbox_for(attempt.name, random) + "@" + crowd_mail_domain(random);
        if (random.chance(0.7)) attempt.postcode = random_postcode(random);
        if (random.chance(0.25)) attempt.comment = random.pick(crowd_comments());
        attempt.user_agent = random.pick(browser_user_agents());
        attempt.solver = browser_solver(devices);
        if (!random.chance(options.crowd_never_confirm_share)) {
            // Some read the mail on another network (the phone's, the office's).
            const auto ip =
                random.chance(0.8) ? attempt.ip : host_by_share(eyeball_shares(), random);
            attempt.confirmation =
                Confirmation{3 + random.exponential(options.crowd_confirm_mean_s), ip};
        }
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
