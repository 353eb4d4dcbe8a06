// What to do with one back-office login attempt, from counts and times: no I/O, no locks.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "shield/rate_limit.hpp"

namespace rempart::accounts {

using Clock = shield::Clock;

// From [admin] in the config (AdminSettings's login_* settings).
struct LoginThrottleSettings {
    std::size_t free_failures = 5;
    std::chrono::seconds first_wait{5};
    std::chrono::seconds max_wait{3600};
    std::size_t alert_after = 20;
    std::chrono::seconds kept{24 * 3600};
};

// The keys an attempt is counted under.
struct LoginKeys {
    // The address in the very form that finds the account (account_email); none when the
    // text typed is no address, and so cannot find any account.
    std::optional<std::string> email;
    // "account:<email>": every spelling of one address, known or not, is one key. Text that
    // is no address is counted as typed, lower-cased ("typed:<text>").
    std::string account;
    std::string subscriber;  // the client's address for IPv4, its /64 for IPv6
    std::string network;     // its /24 or /64: what the share of the password pool is held by
};
LoginKeys login_keys(std::string_view typed_email, std::string_view client_ip);

// What is remembered of one account's failed logins.
struct FailureHistory {
    std::size_t failures = 0;
    Clock::time_point last_failure{};
    Clock::time_point wait_until{};  // no attempt before this
    std::size_t networks = 0;        // distinct /24 or /64 the failures came from
    bool alerted = false;            // the admins were mailed in this episode
};

// How long an account waits after its `failures`-th failure: nothing for the free ones,
// then the first wait, doubled at each further failure, never more than the longest.
std::chrono::seconds wait_after(std::size_t failures, const LoginThrottleSettings& settings);

// Quiet for `kept` since its last failure: the episode is over and counting starts again.
bool forgotten(const FailureHistory& history, Clock::time_point now,
               const LoginThrottleSettings& settings);

enum class LoginRefusal { none, subscriber_limited, account_limited, backing_off };
// "none", "address", "account", "backoff": the log's by= and the audit's detail key.
std::string_view to_string(LoginRefusal refusal);

struct Admission {
    LoginRefusal refusal = LoginRefusal::none;
    std::chrono::seconds retry_after{0};
    bool allowed() const { return refusal == LoginRefusal::none; }
};

// Before any password is hashed: the client's and the account's token buckets, and the
// account's wait. The refusal is one answer whatever its reason; Retry-After is the longest.
Admission admit(const shield::RateDecision& by_subscriber, const shield::RateDecision& by_account,
                const FailureHistory& history, Clock::time_point now);

// An admitted attempt past the free failures holds the next wait at once, so that attempts
// sent together cannot all pass before the first of them has failed. A success ends it all.
FailureHistory after_admission(FailureHistory history, Clock::time_point now,
                               const LoginThrottleSettings& settings);

// A wrong password, a wrong or reused code, an unknown or disabled account: one more failure.
FailureHistory after_failure(FailureHistory history, Clock::time_point now, bool new_network,
                             const LoginThrottleSettings& settings);

// True once per episode, when an existing account reaches `alert_after` failures. Unknown
// accounts are never mailed about: anyone could otherwise send the admins a mail per
// invented address.
bool alert_due(const FailureHistory& history, bool account_exists,
               const LoginThrottleSettings& settings);

// A network may hold `share` of the password pool's places (queued or hashing) at once.
bool pool_share_allows(std::size_t held_by_network, std::size_t share);

}  // namespace rempart::accounts
