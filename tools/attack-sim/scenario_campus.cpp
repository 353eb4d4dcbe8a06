// A television surge that one university relays: its students sign with the address the
// university gave them, or with small providers' mailboxes, a third of them from the
// campus, where a dozen /24s of the education network put several students behind each
// NAT address; the others from home, over small regional ISPs and the big eyeball ones.
#include <array>
#include <cmath>
#include <vector>

#include "address_space.hpp"
#include "scenarios.hpp"
#include "solver_timing.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

constexpr double university_mail_share = 0.35;
// Students with the university's address are mostly on campus; some others are too:
// 0.35 * 0.65 + 0.65 * 0.11 = 30 % of the surge from the campus.
constexpr double on_campus_with_university_mail = 0.65;
constexpr double on_campus_otherwise = 0.11;
constexpr double on_campus_share = university_mail_share * on_campus_with_university_mail +
                                   (1 - university_mail_share) * on_campus_otherwise;

// The campus NAT: sixteen addresses a /24, and as many /24s as keep each at half the
// signing limit of a /24 (60 a minute), so the limits refuse no student.
constexpr unsigned nat_addresses_per_network = 16;
constexpr double attempts_per_network_minute = 30;
constexpr std::size_t first_campus_network = 40;

// Home, for the students off campus: a fifth on small regional ISPs.
constexpr std::array<EyeballShare, 8> home_networks{{
    {3215, 30},
    {12322, 20},
    {15557, 14},
    {5410, 10},
    {51207, 3},
    {21502, 3},
    {24904, 10},
    {29075, 10},
}};

std::vector<std::string> campus_nat(double rate) {
    const auto networks = static_cast<std::size_t>(
        std::max(2.0, std::ceil(rate * on_campus_share * 60 / attempts_per_network_minute)));
    const auto& renater = as_block(university_asn);
    std::vector<std::string> hosts;
    for (std::size_t n = 0; n < networks; ++n)
        for (unsigned h = 0; h < nat_addresses_per_network; ++h)
            hosts.push_back(host_in(network_in(renater, first_campus_network + n), 1 + h * 15));
    return hosts;
}

}  // namespace

Plan campus_surge(const ScenarioOptions& options, double rate, std::uint64_t seed) {
    Random random(seed * 173 + 8);
    Random devices(seed * 977 + 8);
    const auto nat = campus_nat(rate);
    Plan plan;
    plan.scenario = "campus";
    plan.seed = options.seed;
    plan.duration_s = options.duration_s;
    for (double at = random.exponential(1 / rate); at < options.duration_s;
         at += random.exponential(1 / rate)) {
        PlannedAttempt attempt;
        attempt.offset_s = at;
        attempt.name = real_looking_name(random);
        const bool university_mail = random.chance(university_mail_share);
        attempt.email = university_mail
                            ? plain_mailbox(attempt.name) + "@" + std::string(university_domain)
                            : mailbox_for(attempt.name, random) + "@" +
                                  std::string(random.pick(small_mail_domains()));
        const bool on_campus =
            random.chance(university_mail ? on_campus_with_university_mail : on_campus_otherwise);
        attempt.ip =
            on_campus ? nat[random.below(nat.size())] : host_by_share(home_networks, random);
        if (random.chance(0.6)) attempt.postcode = random_postcode(random);
        if (random.chance(0.2)) attempt.comment = random.pick(crowd_comments());
        attempt.user_agent = random.pick(browser_user_agents());
        attempt.solver = browser_solver(devices);
        if (!random.chance(options.crowd_never_confirm_share)) {
            const auto ip = random.chance(0.7) ? attempt.ip : mobile_host(random);
            attempt.confirmation =
                Confirmation{3 + random.exponential(options.crowd_confirm_mean_s), ip};
        }
        plan.attempts.push_back(std::move(attempt));
    }
    return plan;
}

}  // namespace rempart::attack
