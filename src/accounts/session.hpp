// When a back-office session ends: after an idle spell or at an absolute age.
#pragma once

#include <chrono>
#include <cstdint>

namespace rempart::accounts {

struct SessionTimeouts {
    std::chrono::seconds idle{30 * 60};
    std::chrono::seconds absolute{12 * 3600};
};

struct SessionTimes {
    std::int64_t created_ms = 0;
    std::int64_t last_seen_ms = 0;
};

// True while neither timeout has passed at `now_ms`.
bool session_alive(const SessionTimes& times, const SessionTimeouts& timeouts, std::int64_t now_ms);
// When the absolute timeout ends a session begun at `created_ms`.
std::int64_t session_expiry_ms(std::int64_t created_ms, const SessionTimeouts& timeouts);
// Writing last_seen on every request would queue a write per click: once a minute is
// plenty for a 30-minute idle timeout (a shorter timeout, say in tests, touches sooner).
bool session_needs_touch(const SessionTimes& times, const SessionTimeouts& timeouts,
                         std::int64_t now_ms);

}  // namespace rempart::accounts
