// The errors of the simulated visitor: a proof of work it could not fetch or solve.
#pragma once

#include <string_view>

namespace rempart::attack {

enum class SolveError {
    no_challenge,   // the server gave no challenge to solve
    bad_challenge,  // the challenge is not the JSON the widget expects
    unsolved,       // no number up to maxnumber matches
};

constexpr std::string_view error_name(SolveError error) {
    switch (error) {
        case SolveError::no_challenge:
            return "pow.no_challenge";
        case SolveError::bad_challenge:
            return "pow.bad_challenge";
        case SolveError::unsolved:
            return "pow.unsolved";
    }
    return "pow.unknown";
}

}  // namespace rempart::attack
