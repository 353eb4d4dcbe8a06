// Token buckets per key: pure, thread-safe, bounded in memory.
#include "shield/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace rempart::shield {

TokenBuckets::TokenBuckets(RateLimit limit, std::size_t max_keys)
    : limit_(limit),
      max_keys_per_shard_(std::max<std::size_t>(1, max_keys / shard_count)),
      shards_(shard_count) {}

TokenBuckets::Shard& TokenBuckets::shard_for(std::string_view key) {
    return shards_[std::hash<std::string_view>{}(key) % shard_count];
}

const TokenBuckets::Shard& TokenBuckets::shard_for(std::string_view key) const {
    return shards_[std::hash<std::string_view>{}(key) % shard_count];
}

double TokenBuckets::refilled(const Bucket& bucket, Clock::time_point now) const {
    const double elapsed =
        std::max(0.0, std::chrono::duration<double>(now - bucket.updated).count());
    return std::min(limit_.burst, bucket.tokens + elapsed * limit_.per_second);
}

RateDecision TokenBuckets::decide(double tokens, double cost) const {
    if (tokens >= cost) return RateDecision{true, std::chrono::seconds(0)};
    const double wait = (cost - tokens) / limit_.per_second;
    return RateDecision{false, std::chrono::seconds(static_cast<std::int64_t>(std::ceil(wait)))};
}

void TokenBuckets::evict(Shard& shard, Clock::time_point now) {
    // Full buckets carry no memory of past requests: dropping them changes no decision.
    sweeps_.fetch_add(1, std::memory_order_relaxed);
    boost::unordered::erase_if(shard.buckets, [&](const auto& entry) {
        return refilled(entry.second, now) >= limit_.burst;
    });
    // A sweep reads every key: it must leave room for a quarter of them, or a crowd of new
    // addresses whose buckets refill slowly (ten a minute) makes each newcomer sweep again,
    // and the lock every signature takes turns into seconds of work.
    if (shard.buckets.size() <= max_keys_per_shard_ * 3 / 4) return;
    // Still nearly full: forget the half that was refilling longest, the least suspicious.
    std::vector<std::pair<Clock::time_point, std::string>> by_age;
    by_age.reserve(shard.buckets.size());
    for (const auto& [key, bucket] : shard.buckets) by_age.emplace_back(bucket.updated, key);
    const auto half =
        by_age.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(1, by_age.size() / 2));
    std::nth_element(by_age.begin(), half, by_age.end());
    for (auto it = by_age.begin(); it != half; ++it) shard.buckets.erase(it->second);
}

RateDecision TokenBuckets::take(std::string_view key, Clock::time_point now, double cost) {
    auto& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    auto it = shard.buckets.find(key);
    if (it == shard.buckets.end()) {
        if (shard.buckets.size() >= max_keys_per_shard_) evict(shard, now);
        it = shard.buckets.emplace(std::string(key), Bucket{limit_.burst, now}).first;
    }
    auto& bucket = it->second;
    bucket.tokens = refilled(bucket, now);
    bucket.updated = now;
    const auto decision = decide(bucket.tokens, cost);
    if (decision.allowed) bucket.tokens -= cost;
    return decision;
}

RateDecision TokenBuckets::peek(std::string_view key, Clock::time_point now, double cost) const {
    const auto& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    const auto it = shard.buckets.find(key);
    const double tokens = it == shard.buckets.end() ? limit_.burst : refilled(it->second, now);
    return decide(tokens, cost);
}

std::size_t TokenBuckets::tracked_keys() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        total += shard.buckets.size();
    }
    return total;
}

}  // namespace rempart::shield
