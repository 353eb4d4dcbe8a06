// The legitimate visitor's people: addresses of Orange and Free, names, mailboxes.
#include "visitor_plan.hpp"

#include <array>

#include "address_space.hpp"
#include "random.hpp"
#include "solver_timing.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

constexpr std::uint32_t network(unsigned b, unsigned c) {
    return (127u << 24) | (b << 16) | (c << 8);
}

// Two /24s of Orange (127.64.0.0/12) and two of Free (127.80.0.0/12).
constexpr std::array<std::uint32_t, 4> networks{network(70, 12), network(75, 201), network(84, 3),
                                                network(91, 77)};

// Big providers the detector expects to see often, and whose +tags and dots are not
// folded (so a numbered mailbox stays distinct): never Gmail.
constexpr std::array<std::string_view, 8> providers{"orange.fr",  "free.fr",    "laposte.net",
                                                    "hotmail.fr", "outlook.fr", "yahoo.fr",
                                                    "sfr.fr",     "wanadoo.fr"};

// Coprime with 254, so host numbers run through all of 1..254 before one repeats.
constexpr unsigned host_step = 37;

}  // namespace

std::span<const std::uint32_t> visitor_networks() {
    return networks;
}

PlannedAttempt visitor_person(std::uint64_t n, std::uint64_t seed) {
    Random random(seed * 7919 + n * 104729 + 3);
    PlannedAttempt person;
    const auto net = networks[n % networks.size()];
    const auto turn = n / networks.size();
    person.ip = host_in(net, 1 + static_cast<unsigned>((turn * host_step) % hosts_in_network));
    person.name = real_looking_name(random);
    person.email = mailbox_for(person.name, random) + ".v" + std::to_string(n) + "@" +
                   std::string(random.pick(std::span<const std::string_view>(providers)));
    person.postcode = random_postcode(random);
    if (random.chance(0.2)) person.comment = std::string(random.pick(crowd_comments()));
    person.user_agent = std::string(random.pick(browser_user_agents()));
    person.solver = browser_solver(random);
    return person;
}

}  // namespace rempart::attack
