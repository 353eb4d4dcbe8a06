// The gate's wait tickets already redeemed, each remembered until it expires.
#include "shield/spent_tickets.hpp"

#include <algorithm>

namespace rempart::shield {

SpentTickets::SpentTickets(std::int64_t lifetime_s, std::size_t capacity)
    : lifetime_s_(lifetime_s), capacity_(std::max<std::size_t>(1, capacity)) {}

bool SpentTickets::spend(std::int64_t issued, std::string_view nonce, std::int64_t now) {
    std::lock_guard lock(mutex_);
    // Oldest first: the expired ones are all at the front.
    while (!spent_.empty() && spent_.begin()->first + lifetime_s_ < now)
        spent_.erase(spent_.begin());
    if (issued <= refused_up_to_) return false;
    if (!spent_.emplace(issued, std::string(nonce)).second) return false;
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
