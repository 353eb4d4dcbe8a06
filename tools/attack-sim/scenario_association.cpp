// The association's mailing: its members sign within minutes of its mail, most with the
// mailbox the association gave them on its own small domain, many pasting the comment it
// suggested, from their homes over a few eyeball ISPs; all of them confirm soon, from home
// or from their phone. One domain and one comment repeat, and nothing is automated.
#include <array>
#include <vector>

#include "address_space.hpp"
#include "arrivals.hpp"
#include "scenarios.hpp"
#include "solver_timing.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

// A rural association's members: the big four, a 4G box where the fibre has not come,
// the cable network and two small ISPs.
constexpr std::array<EyeballShare, 8> member_networks{{
    {3215, 36},
    {12322, 22},
    {15557, 15},
    {5410, 13},
    {51207, 4},
    {21502, 4},
    {24904, 3},
    {29075, 3},
}};

constexpr double own_domain_share = 0.6;
constexpr double pasted_comment_share = 0.4;
constexpr double own_comment_share = 0.15;  // of those who do not paste it
constexpr double same_household_share = 0.12;
constexpr double from_phone_share = 0.25;

}  // namespace

Plan association_mailing(const ScenarioOptions& options, double rate, std::uint64_t seed) {
    Random random(seed * 151 + 6);
    Random devices(seed * 977 + 6);
    Plan plan;
    plan.scenario = "association";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    std::vector<std::size_t> households;  // attempts that opened a household, by index
    for (const double at : spread_arrivals(rate, options.duration_s, random)) {
        PlannedAttempt attempt;
        attempt.offset_s = at;
        attempt.name = real_looking_name(random);
        // A couple signs from the same box, and often under the same last name.
        if (!households.empty() && random.chance(same_household_share)) {
            const auto& partner = plan.attempts[households[random.below(households.size())]];
            attempt.ip = partner.ip;
            if (random.chance(0.5))
                attempt.name = attempt.name.substr(0, attempt.name.find(' ')) +
                               partner.name.substr(partner.name.rfind(' '));
        } else {
            attempt.ip = host_by_share(member_networks, random);
            households.push_back(plan.attempts.size());
        }
        attempt.email = random.chance(own_domain_share)
                            ? plain_mailbox(attempt.name) + "@" + std::string(association_domain)
                            : mailbox_for(attempt.name, random) + "@" + crowd_mail_domain(random);
        if (random.chance(0.85))
            attempt.postcode = random.chance(0.9) ? postcode_in(association_department, random)
                                                  : random_postcode(random);
        if (random.chance(pasted_comment_share))
            attempt.comment = association_comment;
        else if (random.chance(own_comment_share))
            attempt.comment = random.pick(crowd_comments());
        attempt.user_agent = random.pick(browser_user_agents());
        attempt.solver = browser_solver(devices);
        // They came from the mail and are still at it: every one confirms, within the
        // minute, at home or on the phone that showed the mail.
        const auto ip = random.chance(from_phone_share) ? mobile_host(random) : attempt.ip;
        attempt.confirmation = Confirmation{random.between(3, 40), ip};
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
