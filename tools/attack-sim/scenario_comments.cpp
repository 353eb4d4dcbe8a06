// A comment wave on a popular petition: people who sign what everyone signs write what
// everyone writes, "Bravo !" and "Je signe", with the big providers' mailboxes, from the
// country's eyeball networks. One comment repeats, and nothing is automated.
#include "address_space.hpp"
#include "arrivals.hpp"
#include "scenarios.hpp"
#include "solver_timing.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

constexpr double bravo_share = 0.30;
constexpr double je_signe_share = 0.10;
constexpr double own_words_share = 0.25;  // the rest write nothing

}  // namespace

Plan comment_wave(const ScenarioOptions& options, double rate, std::uint64_t seed) {
    Random random(seed * 163 + 7);
    Random devices(seed * 977 + 7);
    Plan plan;
    plan.scenario = "comments";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    for (const double at : spread_arrivals(rate, options.duration_s, random)) {
        PlannedAttempt attempt;
        attempt.offset_s = at;
        attempt.ip = host_by_share(eyeball_shares(), random);
        attempt.name = real_looking_name(random);
        attempt.email = mailbox_for(attempt.name, random) + "@" + big_mail_provider(random);
        if (random.chance(0.7)) attempt.postcode = random_postcode(random);
        const double words = random.unit();
        if (words < bravo_share)
            attempt.comment = bravo_comment;
        else if (words < bravo_share + je_signe_share)
            attempt.comment = je_signe_comment;
        else if (words < bravo_share + je_signe_share + own_words_share)
            attempt.comment = random.pick(crowd_comments());
        attempt.user_agent = random.pick(browser_user_agents());
        attempt.solver = browser_solver(devices);
        if (!random.chance(options.crowd_never_confirm_share)) {
            const auto ip = random.chance(0.8) ? attempt.ip : mobile_host(random);
            attempt.confirmation =
                Confirmation{3 + random.exponential(options.crowd_confirm_mean_s), ip};
        }
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
