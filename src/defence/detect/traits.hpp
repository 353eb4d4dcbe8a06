// Signs that an attempt was made by a script rather than a person's browser: where it came
// from, what it said it was, how fast it solved its proof of work. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "signatures/signing_event.hpp"

namespace rempart::defence::detect {

// One bit each; an attempt may show several.
enum Trait : std::uint8_t {
    hosting = 1,        // an AS of data centres, where scripts run and people do not browse
    unlisted = 2,       // an address no AS announces, with an AS table to look it up in
    robot = 4,          // no user agent, or one that names an HTTP library or a headless browser
    instant_proof = 8,  // a proof of work solved faster than any browser hashes
    // Not a sign: the proof was large enough to be timed, so whether it was instant says
    // something. The share of instant proofs is taken among these.
    timed_proof = 16,
};
using Traits = std::uint8_t;
inline constexpr std::size_t trait_count = 4;  // the signs, not timed_proof

struct TraitRules {
    // Data-centre ASes: the clouds and hosts an attacker rents by the hour.
    std::vector<std::uint32_t> hosting_networks{
        16276,  14061, 24940, 12876,  16509,  14618, 8075,   396982, 63949,  20473,
        51167,  45102, 31898, 132203, 9009,   60781, 16265,  47583,  8560,   62240,
        212238, 29802, 36352, 46606,  197540, 24961, 210644, 50673,  202425, 43350};
    // Hashes a millisecond that no browser reaches: the widget hashes with Web Crypto in a
    // few workers, a few hundred a millisecond on a phone and under 2,000 on a fast desktop,
    // and its time includes starting them; a native solver does tens of thousands.
    double browser_hashes_per_ms = 4000;
    // Below this number the work is too small to time: a browser may finish in 1 ms too.
    std::int64_t min_timed_number = 2000;
    // Work large enough to time, said to take less than this: the widget needs longer just
    // to start its workers.
    std::int64_t min_browser_took_ms = 10;
    // A confirmation this soon after the signature was sent is a script reading the
    // mailbox: a person has to open the mail and click.
    std::int64_t instant_confirmation_s = 2;
};

// The traits of an attempt or a confirmation (a withdrawal has none).
Traits traits_of(const signatures::SigningEvent& event, const TraitRules& rules);

// The attempt's strongest trait as the key it is counted and held under: "hosting",
// "unlisted", "robot", "instant"; empty for none.
std::string automation_key(Traits traits);
std::string_view trait_name(Trait trait);

bool robot_agent(std::string_view user_agent);

}  // namespace rempart::defence::detect
