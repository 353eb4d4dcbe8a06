// The under-attack gate's clearance: a cookie signed with HMAC, bound to the client's
// network and an expiry, and the ticket that lets a browser without JavaScript earn one by
// waiting. Pure: the time comes from the caller.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace rempart::shield {

enum class ClearanceVerdict {
    valid,
    absent,
    malformed,  // not a cookie of ours
    mismatch,   // altered, or earned on another network
    expired,
};

struct ClearanceCheck {
    ClearanceVerdict verdict = ClearanceVerdict::absent;
    std::string_view id;  // the clearance's own id, when valid: it has its own limit
};

enum class TicketVerdict { redeemed, too_early, expired, invalid };

// How long after its issue a wait ticket may still be redeemed, in milliseconds.
inline constexpr std::int64_t ticket_lifetime_ms = 600'000;

struct TicketCheck {
    TicketVerdict verdict = TicketVerdict::invalid;
    std::int64_t wait_seconds = 0;  // when too early: how long still, rounded up
    // When redeemed: what tells this ticket apart, so it can be spent once
    // (shield::SpentTickets). The nonce is a view into the ticket.
    std::int64_t issued_ms = 0;
    std::string_view nonce;
};

std::string_view to_string(ClearanceVerdict verdict);

class Clearance {
  public:
    // `secret` signs cookies and tickets (the server's secret; a purpose is mixed in).
    Clearance(std::string secret, std::chrono::seconds lifetime, std::chrono::seconds wait);

    // A cookie value for a client of `network` (shield::NetworkKeys::wide), valid from
    // `now` (Unix seconds) for the lifetime.
    std::string issue(std::string_view network, std::int64_t now) const;
    // The id is a view into `cookie`.
    ClearanceCheck check(std::string_view cookie, std::string_view network, std::int64_t now) const;

    // A ticket a client of `network` may redeem from `wait` after `now_ms` (Unix
    // milliseconds: a ticket issued late in a second must not shorten the wait), for ten
    // minutes. Redeeming only checks it: the caller spends it once (shield::SpentTickets).
    std::string ticket(std::string_view network, std::int64_t now_ms) const;
    TicketCheck redeem(std::string_view ticket, std::string_view network,
                       std::int64_t now_ms) const;

    std::chrono::seconds lifetime() const { return lifetime_; }
    std::chrono::seconds wait() const { return wait_; }

  private:
    std::string mac(std::string_view purpose, std::string_view fields,
                    std::string_view network) const;

    std::string secret_;
    std::chrono::seconds lifetime_;
    std::chrono::seconds wait_;
};

}  // namespace rempart::shield
