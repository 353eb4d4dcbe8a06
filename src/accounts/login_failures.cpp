// Failed back-office logins per account, in memory.
#include "accounts/login_failures.hpp"

#include <algorithm>
#include <vector>

namespace rempart::accounts {

LoginFailures::LoginFailures(LoginThrottleSettings settings, std::size_t max_accounts)
    : settings_(settings), max_accounts_(std::max<std::size_t>(1, max_accounts)) {}

LoginFailures::Entry& LoginFailures::entry_for(const std::string& account, Clock::time_point now) {
    auto it = entries_.find(account);
    if (it != entries_.end() && forgotten(it->second.history, now, settings_)) {
        entries_.erase(it);
        it = entries_.end();
    }
    if (it == entries_.end()) {
        if (entries_.size() >= max_accounts_) make_room(now);
        it = entries_.emplace(account, Entry{}).first;
    }
    return it->second;
}

void LoginFailures::make_room(Clock::time_point now) {
    std::erase_if(entries_, [&](const auto& entry) {
        return entry.second.history.failures == 0 ||
               forgotten(entry.second.history, now, settings_);
    });
    if (entries_.size() < max_accounts_) return;
    // Still full: forget the half with the fewest failures, the least like an attack on
    // one account.
    std::vector<std::pair<std::size_t, const std::string*>> by_failures;
    by_failures.reserve(entries_.size());
    for (const auto& [key, entry] : entries_)
        by_failures.emplace_back(entry.history.failures, &key);
    const auto half = by_failures.begin() +
                      static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, by_failures.size() / 2));
    std::nth_element(by_failures.begin(), half, by_failures.end());
    std::vector<std::string> dropped;
    for (auto it = by_failures.begin(); it != half; ++it) dropped.push_back(*it->second);
    for (const auto& key : dropped) entries_.erase(key);
}

Admission LoginFailures::admit(const std::string& account,
                               const shield::RateDecision& by_subscriber,
                               const shield::RateDecision& by_account, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto found = entries_.find(account);
    const FailureHistory none;
    const bool known = found != entries_.end() && !forgotten(found->second.history, now, settings_);
    const auto admission =
        accounts::admit(by_subscriber, by_account, known ? found->second.history : none, now);
    // Only an account with failures has a wait to hold: the others take no memory.
    if (admission.allowed() && known)
        found->second.history = after_admission(found->second.history, now, settings_);
    return admission;
}

FailureOutcome LoginFailures::failed(const std::string& account, std::string_view network,
                                     bool account_exists, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto& entry = entry_for(account, now);
    bool new_network = false;
    if (entry.networks.size() < max_networks) new_network = entry.networks.emplace(network).second;
    entry.history = after_failure(entry.history, now, new_network, settings_);
    FailureOutcome outcome{entry.history.failures, entry.history.networks, false};
    if (alert_due(entry.history, account_exists, settings_)) {
        entry.history.alerted = true;
        outcome.alert = true;
    }
    return outcome;
}

void LoginFailures::succeeded(const std::string& account) {
    std::lock_guard lock(mutex_);
    entries_.erase(account);
}

std::size_t LoginFailures::remembered() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

}  // namespace rempart::accounts
