// Token buckets per key (an IP, a network, an AS, an e-mail domain, a petition): pure and
// thread-safe, with a bound on the memory the keys may take.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_map.hpp"

namespace rempart::shield {

using Clock = std::chrono::steady_clock;

// `burst` requests at once, then one every 1/`per_second` seconds.
struct RateLimit {
    double per_second = 1.0;
    double burst = 5.0;
};

// A rate as the config writes it, { per_minute = 10, burst = 20 }: `burst` at once, then
// `per_minute` a minute.
struct RateSetting {
    double per_minute = 60;
    double burst = 60;
    bool operator==(const RateSetting&) const = default;
};

struct RateDecision {
    bool allowed = true;
    std::chrono::seconds retry_after{0};  // when refused: how long until a token is back
};

class TokenBuckets {
  public:
    // At most `max_keys` keys are tracked; past that the fullest (least recently used)
    // buckets are forgotten first: a forgotten key is one that had nearly all its tokens.
    explicit TokenBuckets(RateLimit limit, std::size_t max_keys = 100000);

    // Takes `cost` tokens from `key`'s bucket when it has them.
    RateDecision take(std::string_view key, Clock::time_point now, double cost = 1.0);
    // What `take` would decide, without taking anything.
    RateDecision peek(std::string_view key, Clock::time_point now, double cost = 1.0) const;

    std::size_t tracked_keys() const;
    // Times a full shard was swept to make room: each reads all its keys.
    std::uint64_t sweeps() const { return sweeps_.load(std::memory_order_relaxed); }
    const RateLimit& limit() const { return limit_; }

  private:
    struct Bucket {
        double tokens;
        Clock::time_point updated;
    };
    // Spreads keys over several locks so two io threads seldom wait on each other.
    struct Shard {
        mutable std::mutex mutex;
        StringMap<Bucket> buckets;
    };
    static constexpr std::size_t shard_count = 16;

    Shard& shard_for(std::string_view key);
    const Shard& shard_for(std::string_view key) const;
    double refilled(const Bucket& bucket, Clock::time_point now) const;
    RateDecision decide(double tokens, double cost) const;
    void evict(Shard& shard, Clock::time_point now);

    RateLimit limit_;
    std::size_t max_keys_per_shard_;
    std::vector<Shard> shards_;
    std::atomic<std::uint64_t> sweeps_{0};
};

}  // namespace rempart::shield
