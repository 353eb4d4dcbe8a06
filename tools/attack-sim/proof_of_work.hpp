// Solves an ALTCHA challenge the way the widget does: SHA-256 of the salt and each number
// in turn, until the challenge's digest. The attacker pays the work, as a browser would;
// the payload's `took` is what the planned solver would report, not this loop's time.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "plan.hpp"

namespace rempart::attack {

struct Solution {
    std::string payload;          // base64 JSON, the form's `altcha` field
    std::uint64_t maxnumber = 0;  // the difficulty asked
    std::uint64_t hashes = 0;     // the work done
};

// `challenge_json` is the body of GET /altcha/challenge; `solver` sets the `took` claimed
// (a native solver's by default).
Result<Solution> solve_challenge(const std::string& challenge_json, const Solver& solver = {});

}  // namespace rempart::attack
