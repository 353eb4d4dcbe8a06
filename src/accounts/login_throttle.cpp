// What to do with one back-office login attempt, from counts and times.
#include "accounts/login_throttle.hpp"

#include <algorithm>
#include <cctype>

#include "accounts/account_email.hpp"
#include "core/text.hpp"
#include "shield/network.hpp"

namespace rempart::accounts {

LoginKeys login_keys(std::string_view typed_email, std::string_view client_ip) {
    LoginKeys keys;
    if (auto account = account_email(typed_email); account) {
        keys.account = "account:" + *account;
        keys.email = std::move(*account);
    } else {
        keys.account = "typed:" + to_lower_ascii(typed_email);
    }
    keys.subscriber = shield::subscriber_key(client_ip);
    keys.network = shield::narrow_network(client_ip);
    return keys;
}

std::chrono::seconds wait_after(std::size_t failures, const LoginThrottleSettings& settings) {
    if (failures <= settings.free_failures) return std::chrono::seconds(0);
    auto wait = settings.first_wait;
    for (std::size_t extra = failures - settings.free_failures - 1; extra > 0; --extra) {
        wait *= 2;
        if (wait >= settings.max_wait) return settings.max_wait;
    }
    return std::min(wait, settings.max_wait);
}

bool forgotten(const FailureHistory& history, Clock::time_point now,
               const LoginThrottleSettings& settings) {
    return history.failures > 0 && now - history.last_failure >= settings.kept &&
           now >= history.wait_until;
}

std::string_view to_string(LoginRefusal refusal) {
    switch (refusal) {
        case LoginRefusal::none:
            return "none";
        case LoginRefusal::subscriber_limited:
            return "address";
        case LoginRefusal::account_limited:
            return "account";
        case LoginRefusal::backing_off:
            break;
    }
    return "backoff";
}

Admission admit(const shield::RateDecision& by_subscriber, const shield::RateDecision& by_account,
                const FailureHistory& history, Clock::time_point now) {
    Admission admission;
    const auto refuse = [&](LoginRefusal why, std::chrono::seconds wait) {
        if (admission.refusal == LoginRefusal::none) admission.refusal = why;
        admission.retry_after = std::max({admission.retry_after, wait, std::chrono::seconds(1)});
    };
    if (!by_subscriber.allowed) refuse(LoginRefusal::subscriber_limited, by_subscriber.retry_after);
    if (!by_account.allowed) refuse(LoginRefusal::account_limited, by_account.retry_after);
    if (now < history.wait_until) {
        // Rounded up: a client that waits what it was told is not refused again.
        const auto left = std::chrono::ceil<std::chrono::seconds>(history.wait_until - now);
        refuse(LoginRefusal::backing_off, left);
    }
    return admission;
}

FailureHistory after_admission(FailureHistory history, Clock::time_point now,
                               const LoginThrottleSettings& settings) {
    const auto next = wait_after(history.failures + 1, settings);
    if (next.count() > 0) history.wait_until = std::max(history.wait_until, now + next);
    return history;
}

FailureHistory after_failure(FailureHistory history, Clock::time_point now, bool new_network,
                             const LoginThrottleSettings& settings) {
    ++history.failures;
    history.last_failure = now;
    if (new_network) ++history.networks;
    const auto wait = wait_after(history.failures, settings);
    if (wait.count() > 0) history.wait_until = std::max(history.wait_until, now + wait);
    return history;
}

bool alert_due(const FailureHistory& history, bool account_exists,
               const LoginThrottleSettings& settings) {
    return account_exists && !history.alerted && history.failures >= settings.alert_after;
}

bool pool_share_allows(std::size_t held_by_network, std::size_t share) {
    return held_by_network < share;
}

}  // namespace rempart::accounts
