// The gate's wait tickets already redeemed, so that each lets a browser through once.
// Thread-safe; memory bounded; the time comes from the caller, in Unix milliseconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace rempart::shield {

// Under 10 MB when full. A flood that spends more within ten minutes only makes the
// older unspent tickets stale sooner (see spend).
inline constexpr std::size_t default_spent_ticket_capacity = 100'000;

class SpentTickets {
  public:
    // `lifetime_ms`: how long after its issue a ticket can be redeemed at all; past that the
    // clearance refuses it by itself, and it is forgotten here.
    explicit SpentTickets(std::int64_t lifetime_ms,
                          std::size_t capacity = default_spent_ticket_capacity);

    // True the first time the ticket issued at `issued_ms` with `nonce` is spent. False when it
    // was spent before, or when it is older than a ticket forgotten to stay within the
    // capacity: past the capacity the oldest are dropped, and every ticket issued up to the
    // last dropped one is refused from then on, so a ticket never serves twice (a flood
    // only shortens how long an unspent ticket keeps).
    bool spend(std::int64_t issued_ms, std::string_view nonce, std::int64_t now_ms);

    std::size_t remembered() const;

  private:
    std::int64_t lifetime_ms_;
    std::size_t capacity_;
    mutable std::mutex mutex_;
    std::set<std::pair<std::int64_t, std::string>> spent_;  // (issued, nonce), oldest first
    std::int64_t refused_up_to_ = -1;
};

}  // namespace rempart::shield
