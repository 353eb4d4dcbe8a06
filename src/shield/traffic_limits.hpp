// Page-view and API limits per address, network and AS. The network and AS limits grow
// with the site's usual traffic, so that thousands of addresses each under the per-address
// limit are still seen as one wave when they share networks or an AS, while a crowd from
// thousands of households is not.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

#include "shield/traffic_key.hpp"

namespace rempart::shield {

// Per minute. A network or an AS may send the larger of its floor and its share of the
// site's usual total a minute.
struct TrafficSettings {
    double per_ip = 240;
    double network_floor = 600;  // IPv4 /24, IPv6 /64 and /48
    double network_share = 0.05;
    double as_floor = 6000;
    double as_share = 0.25;
    // Eyeball ISPs carry a crowd's households: no AS limit for them, only the others.
    std::vector<std::uint32_t> unlimited_ases;
};

enum class TrafficLimitKind { none, address, network, as };
std::string_view to_string(TrafficLimitKind kind);

struct TrafficDecision {
    TrafficLimitKind refused_by = TrafficLimitKind::none;
    std::chrono::seconds retry_after{0};
    bool allowed() const { return refused_by == TrafficLimitKind::none; }
};

class TrafficLimits {
  public:
    // At most `max_keys` keys are remembered; past that, those quiet longest go first.
    explicit TrafficLimits(TrafficSettings settings, std::size_t max_keys = 400000);

    // Counts the request against each of its keys when none is over its limit; a refused
    // request takes nothing, so a client that slows down gets through again. Without
    // `by_address` the address's own limit is left out (a cleared browser has its own).
    TrafficDecision check(const TrafficKeys& keys, std::int64_t now_ms, bool by_address = true);

    // The site's usual requests a minute in this family, which the network and AS limits
    // follow; learnt by the caller from calm minutes only.
    void set_usual_per_minute(double usual) { usual_per_minute_ = usual; }
    double network_limit() const;
    double as_limit(std::uint32_t as) const;
    std::size_t tracked_keys() const;

  private:
    // A sliding minute approximated from two fixed ones.
    struct Counter {
        std::int64_t minute = 0;
        std::uint32_t current = 0;
        std::uint32_t previous = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        boost::unordered_flat_map<TrafficKey, Counter, TrafficKeyHash> counters;
    };
    static constexpr std::size_t shard_count = 16;

    Shard& shard_for(const TrafficKey& key);
    const Shard& shard_for(const TrafficKey& key) const;
    Counter snapshot(const TrafficKey& key) const;  // zero for an unknown key
    // The requests counted in the sliding minute before `now_ms`.
    static double recent(const Counter& counter, std::int64_t now_ms);
    // How long until the sliding minute leaves room for one more request under `limit`.
    static std::chrono::seconds wait_until_under(const Counter& counter, double limit,
                                                 std::int64_t now_ms);
    void count(const TrafficKey& key, std::int64_t now_ms);

    TrafficSettings settings_;
    std::size_t max_keys_per_shard_;
    std::array<Shard, shard_count> shards_;
    std::atomic<double> usual_per_minute_{0};
};

}  // namespace rempart::shield
