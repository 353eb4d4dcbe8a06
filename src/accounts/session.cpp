// When a back-office session ends.
#include "accounts/session.hpp"

#include <algorithm>

namespace rempart::accounts {
namespace {

std::int64_t ms(std::chrono::seconds s) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(s).count();
}

}  // namespace

bool session_alive(const SessionTimes& times, const SessionTimeouts& timeouts,
                   std::int64_t now_ms) {
    return now_ms < times.last_seen_ms + ms(timeouts.idle) &&
           now_ms < session_expiry_ms(times.created_ms, timeouts);
}

std::int64_t session_expiry_ms(std::int64_t created_ms, const SessionTimeouts& timeouts) {
    return created_ms + ms(timeouts.absolute);
}

bool session_needs_touch(const SessionTimes& times, const SessionTimeouts& timeouts,
                         std::int64_t now_ms) {
    const auto every = std::min<std::int64_t>(60'000, ms(timeouts.idle) / 10);
    return now_ms - times.last_seen_ms >= every;
}

}  // namespace rempart::accounts
