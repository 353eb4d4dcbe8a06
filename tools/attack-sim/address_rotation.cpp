// The botnet's addresses in turn, under the per-IP guard, resting after a 429.
#include "address_rotation.hpp"

#include <limits>

namespace rempart::attack {

AddressRotation::AddressRotation(std::size_t addresses, double min_gap_s)
    : min_gap_s_(min_gap_s),
      last_sent_(addresses, -std::numeric_limits<double>::infinity()),
      rest_until_(addresses, -std::numeric_limits<double>::infinity()) {}

std::optional<std::size_t> AddressRotation::next(double now_s) {
    if (last_sent_.empty()) return std::nullopt;
    for (std::size_t skips = 0; skips <= max_skips; ++skips) {
        const auto i = cursor_;
        if (resting(i, now_s)) {
            cursor_ = (cursor_ + 1) % last_sent_.size();
            continue;
        }
        // Not ready yet: wait for it rather than look further, since the ones after it in
        // turn sent more recently still (unless they rested).
        if (now_s - last_sent_[i] < min_gap_s_) return std::nullopt;
        last_sent_[i] = now_s;
        cursor_ = (cursor_ + 1) % last_sent_.size();
        return i;
    }
    return std::nullopt;
}

void AddressRotation::rest(std::size_t address, double until_s) {
    if (address < rest_until_.size() && until_s > rest_until_[address])
        rest_until_[address] = until_s;
}

}  // namespace rempart::attack
