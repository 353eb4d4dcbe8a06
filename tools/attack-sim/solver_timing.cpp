// The `took` of a proof of work: the work at the solver's speed, plus a browser's start-up.
#include "solver_timing.hpp"

#include <algorithm>
#include <cmath>

namespace rempart::attack {

std::uint64_t took_ms(const Solver& solver, std::uint64_t number) {
    const double hashes = static_cast<double>(number) + 1;
    const double ms = solver.kind == Solver::Kind::browser && solver.hashes_per_ms > 0
                          ? hashes / solver.hashes_per_ms + solver.overhead_ms
                          : hashes / native_hashes_per_ms;
    return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::llround(ms)));
}

Solver browser_solver(Random& random) {
    Solver solver;
    solver.kind = Solver::Kind::browser;
    solver.hashes_per_ms = std::exp(
        random.between(std::log(browser_min_hashes_per_ms), std::log(browser_max_hashes_per_ms)));
    solver.overhead_ms = random.between(browser_min_overhead_ms, browser_max_overhead_ms);
    return solver;
}

}  // namespace rempart::attack
