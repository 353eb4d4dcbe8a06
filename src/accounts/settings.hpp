// [admin]: the back office's sessions, its login limits, and the pool that hashes passwords.
#pragma once

#include <chrono>
#include <cstddef>

#include "accounts/password.hpp"
#include "shield/rate_limit.hpp"

namespace rempart::config {
class File;
}

namespace rempart::accounts {

struct AdminSettings {
    std::chrono::seconds session_idle{30 * 60};        // no request for this long: log in again
    std::chrono::seconds session_lifetime{12 * 3600};  // however active, log in again after this
    // Login attempts, counted before any password is checked, per client (its address for
    // IPv4, its /64 for IPv6) and per account tried, in the form that finds the account
    // (known or not, so the limit says nothing about which accounts exist).
    shield::RateSetting login_per_ip{10, 10};
    shield::RateSetting login_per_account{5, 5};
    // Failed logins for one account, wrong codes included: past the free ones, each failure
    // doubles the wait before the next try, up to the longest; at `login_alert_after` the
    // admins are mailed once. No failure for `login_failures_kept`: the count starts again.
    std::size_t login_free_failures = 5;                  // tries without waiting
    std::chrono::seconds login_backoff_first{5};          // 429 for this long after the next one
    std::chrono::seconds login_backoff_max{3600};         // the wait doubles up to this
    std::size_t login_alert_after = 20;                   // failures: one mail to the admins
    std::chrono::seconds login_failures_kept{24 * 3600};  // then a quiet account starts again
    // Argon2id takes ~170 ms and 64 MiB a hash: a few threads, and a short queue past which
    // logins get 503 rather than wait or eat the machine's memory.
    unsigned password_threads = 2;
    std::size_t password_queue = 16;
    // Hashes one IPv4 /24 or IPv6 /64 may have queued or running at once: 429 past this, so a
    // flood from one network leaves the queue to everyone else.
    std::size_t password_queue_per_network = 2;
    // What a new hash costs: libsodium's interactive cost (64 MiB, two passes) unless the
    // site lowers it for a machine with little memory. A password hashed at another cost is
    // hashed again at this one at its next login.
    PasswordCost password_cost = interactive_cost();
};

AdminSettings read_admin_settings(config::File& file);

}  // namespace rempart::accounts
