// Open-loop pacing of the flood.
#include "pacing.hpp"

#include <algorithm>
#include <cmath>

namespace rempart::attack {

Pacing::Pacing(double rate, double duration_s)
    : rate_(std::max(0.0, rate)),
      total_(static_cast<std::uint64_t>(std::floor(rate_ * std::max(0.0, duration_s)))) {}

std::uint64_t Pacing::due_by(double elapsed_s) const {
    if (elapsed_s <= 0) return 0;
    // Request 0 is due at once, request k at k / rate.
    const auto due = static_cast<std::uint64_t>(std::floor(elapsed_s * rate_)) + 1;
    return std::min(due, total_);
}

double Pacing::due_at(std::uint64_t k) const {
    return rate_ > 0 ? static_cast<double>(k) / rate_ : 0;
}

double next_wake_s(const Pacing& pacing, std::uint64_t sent, double elapsed_s, double min_s,
                   double max_s) {
    if (sent >= pacing.total()) return max_s;
    const double wait = pacing.due_at(sent) - elapsed_s;
    return std::clamp(wait, min_s, max_s);
}

}  // namespace rempart::attack
