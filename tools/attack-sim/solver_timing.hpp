// How long the proof of work takes whoever solves it, as the ALTCHA payload's `took`
// claims it, and the draw of a person's device. Pure.
#pragma once

#include <cstdint>

#include "plan.hpp"
#include "random.hpp"

namespace rempart::attack {

// A native solver: a few threads with the CPU's SHA instructions, far past any browser.
inline constexpr double native_hashes_per_ms = 20000;
// A browser widget, from an old phone to a recent desktop, and its start-up.
inline constexpr double browser_min_hashes_per_ms = 200;
inline constexpr double browser_max_hashes_per_ms = 2000;
inline constexpr double browser_min_overhead_ms = 30;
inline constexpr double browser_max_overhead_ms = 400;

// The whole milliseconds `solver` reports for finding `number` (it hashed 0..number); at
// least 1, as a payload's `took` never says 0 for work done.
std::uint64_t took_ms(const Solver& solver, std::uint64_t number);

// One person's browser: a speed drawn log-uniformly (devices differ by factors, not by
// steps) and a start-up drawn uniformly, between the bounds above.
Solver browser_solver(Random& random);

}  // namespace rempart::attack
