// Refused signing attempts counted in memory and handed over as summaries.
#include "signatures/refusal_tally.hpp"

#include <algorithm>

namespace rempart::signatures {
namespace {

constexpr std::size_t max_user_agent = 256;

std::string key_of(std::int64_t minute_ms, std::int64_t petition_id, std::string_view network,
                   std::string_view verdict) {
    std::string key = std::to_string(minute_ms);
    key += '\n';
    key += std::to_string(petition_id);
    key += '\n';
    key += network;
    key += '\n';
    key += verdict;
    return key;
}

}  // namespace

RefusalTally::RefusalTally(std::size_t max_keys) : max_keys_(max_keys) {}

void RefusalTally::count(const RefusedAttempt& attempt) {
    const auto minute_ms = attempt.at_ms - attempt.at_ms % 60000;
    auto network = attempt.network;
    auto asn = attempt.asn;
    std::lock_guard lock(mutex_);
    auto key = key_of(minute_ms, attempt.petition_id, network, attempt.verdict);
    auto it = summaries_.find(key);
    if (it == summaries_.end() && summaries_.size() >= max_keys_) {
        network = "other";
        asn.reset();
        key = key_of(minute_ms, attempt.petition_id, network, attempt.verdict);
        it = summaries_.find(key);
    }
    if (it == summaries_.end()) {
        RefusalSummary summary;
        summary.minute_ms = minute_ms;
        summary.petition_id = attempt.petition_id;
        summary.network = std::string(network);
        summary.asn = asn;
        summary.verdict = std::string(attempt.verdict);
        summary.first_ms = attempt.at_ms;
        summary.sample_ip = network == "other" ? std::string() : std::string(attempt.ip);
        summary.sample_user_agent = network == "other"
                                        ? std::string()
                                        : std::string(attempt.user_agent.substr(0, max_user_agent));
        it = summaries_.emplace(std::move(key), std::move(summary)).first;
    }
    auto& summary = it->second;
    ++summary.attempts;
    summary.first_ms = std::min(summary.first_ms, attempt.at_ms);
    summary.last_ms = std::max(summary.last_ms, attempt.at_ms);
}

std::vector<RefusalSummary> RefusalTally::take() {
    std::unordered_map<std::string, RefusalSummary> taken;
    {
        std::lock_guard lock(mutex_);
        taken.swap(summaries_);
    }
    std::vector<RefusalSummary> out;
    out.reserve(taken.size());
    for (auto& [key, summary] : taken) out.push_back(std::move(summary));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return std::tie(a.minute_ms, a.petition_id, a.network, a.verdict) <
               std::tie(b.minute_ms, b.petition_id, b.network, b.verdict);
    });
    return out;
}

std::size_t RefusalTally::pending() const {
    std::lock_guard lock(mutex_);
    return summaries_.size();
}

}  // namespace rempart::signatures
