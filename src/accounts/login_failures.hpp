// Failed back-office logins per account, remembered in memory: thread-safe and bounded.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "accounts/login_throttle.hpp"

namespace rempart::accounts {

// What a failure leaves to act on.
struct FailureOutcome {
    std::size_t failures = 0;
    std::size_t networks = 0;
    bool alert = false;  // mail the admins now (once an episode)
};

class LoginFailures {
  public:
    // At most `max_accounts` accounts are remembered; past that the ones with the fewest
    // failures are forgotten first, so flooding invented addresses cannot wipe out the
    // count of an account under attack.
    explicit LoginFailures(LoginThrottleSettings settings, std::size_t max_accounts = 100000);

    // Decides with the token buckets' answers; an admitted attempt holds the next wait.
    Admission admit(const std::string& account, const shield::RateDecision& by_subscriber,
                    const shield::RateDecision& by_account, Clock::time_point now);
    FailureOutcome failed(const std::string& account, std::string_view network, bool account_exists,
                          Clock::time_point now);
    // The right password and code: the episode is over.
    void succeeded(const std::string& account);

    std::size_t remembered() const;
    const LoginThrottleSettings& settings() const { return settings_; }

  private:
    // Networks are kept up to this many an account; past it the count stops growing.
    static constexpr std::size_t max_networks = 1000;
    struct Entry {
        FailureHistory history;
        std::unordered_set<std::string> networks;
    };
    Entry& entry_for(const std::string& account, Clock::time_point now);
    void make_room(Clock::time_point now);

    LoginThrottleSettings settings_;
    std::size_t max_accounts_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Entry> entries_;
};

}  // namespace rempart::accounts
