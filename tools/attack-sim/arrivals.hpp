// When a crowd's people arrive, for the crowds whose size is known in advance (the members an
// association mails, a wave of a few hundred): a Poisson process told its count is that
// many times drawn uniformly over the run.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "random.hpp"

namespace rempart::attack {

// round(rate * duration_s) offsets in [0, duration_s), sorted.
inline std::vector<double> spread_arrivals(double rate, double duration_s, Random& random) {
    const auto count = static_cast<std::size_t>(std::llround(std::max(0.0, rate * duration_s)));
    std::vector<double> offsets;
    offsets.reserve(count);
    for (std::size_t i = 0; i < count; ++i) offsets.push_back(random.unit() * duration_s);
    std::sort(offsets.begin(), offsets.end());
    return offsets;
}

}  // namespace rempart::attack
