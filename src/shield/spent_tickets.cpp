// The gate's wait tickets already redeemed, each remembered until it expires.
#include "shield/spent_tickets.hpp"

#include <algorithm>

namespace rempart::shield {

SpentTickets::SpentTickets(std::int64_t lifetime_ms, std::size_t capacity)
    : lifetime_ms_(lifetime_ms), capacity_(std::max<std::size_t>(1, capacity)) {}

bool SpentTickets::spend(std::int64_t issued_ms, std::string_view nonce, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    // Oldest first: the expired ones are all at the front.
    while (!spent_.empty() && spent_.begin()->first + lifetime_ms_ < now_ms)
        spent_.erase(spent_.begin());
    if (issued_ms <= refused_up_to_) return false;
    if (!spent_.emplace(issued_ms, std::string(nonce)).second) return false;
    while (spent_.size() > capacity_) {
        refused_up_to_ = spent_.begin()->first;
        while (!spent_.empty() && spent_.begin()->first <= refused_up_to_)
            spent_.erase(spent_.begin());
    }
    return true;
}

std::size_t SpentTickets::remembered() const {
    std::lock_guard lock(mutex_);
    return spent_.size();
}

}  // namespace rempart::shield
