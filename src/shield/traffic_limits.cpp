// Page-view and API limits per address, network and AS, following the site's usual traffic.
#include "shield/traffic_limits.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace rempart::shield {
namespace {

constexpr std::int64_t minute_ms = 60'000;

}  // namespace

std::string_view to_string(TrafficLimitKind kind) {
    switch (kind) {
        case TrafficLimitKind::none:
            return "none";
        case TrafficLimitKind::address:
            return "ip";
        case TrafficLimitKind::network:
            return "network";
        case TrafficLimitKind::as:
            return "as";
    }
    return "none";
}

TrafficLimits::TrafficLimits(TrafficSettings settings, std::size_t max_keys)
    : settings_(std::move(settings)),
      max_keys_per_shard_(std::max<std::size_t>(1, max_keys / shard_count)) {}

// The shard comes from the hash's top bits, the bucket inside it from its low bits.
TrafficLimits::Shard& TrafficLimits::shard_for(const TrafficKey& key) {
    return shards_[(TrafficKeyHash{}(key) >> 58) % shard_count];
}

const TrafficLimits::Shard& TrafficLimits::shard_for(const TrafficKey& key) const {
    return shards_[(TrafficKeyHash{}(key) >> 58) % shard_count];
}

TrafficLimits::Counter TrafficLimits::snapshot(const TrafficKey& key) const {
    const auto& shard = shard_for(key);
    std::lock_guard lock(shard.mutex);
    const auto it = shard.counters.find(key);
    return it == shard.counters.end() ? Counter{} : it->second;
}

double TrafficLimits::recent(const Counter& counter, std::int64_t now_ms) {
    const auto minute = now_ms / minute_ms;
    if (counter.minute < minute - 1) return 0;
    const double current = counter.minute == minute ? counter.current : 0;
    const double previous = counter.minute == minute ? counter.previous : counter.current;
    // The part of the previous minute still inside the sliding minute.
    const double elapsed = static_cast<double>(now_ms % minute_ms) / minute_ms;
    return current + previous * (1.0 - elapsed);
}

std::chrono::seconds TrafficLimits::wait_until_under(const Counter& counter, double limit,
                                                     std::int64_t now_ms) {
    // Refused requests count nothing, so the counts only fade: solve for the moment the
    // sliding minute leaves room for one more, in this minute or the next.
    const auto minute = now_ms / minute_ms;
    const double elapsed = static_cast<double>(now_ms % minute_ms) / minute_ms;
    const double room = limit - 1;
    const double current = counter.minute == minute ? counter.current : 0;
    const double previous = counter.minute == minute       ? counter.previous
                            : counter.minute == minute - 1 ? counter.current
                                                           : 0;
    double wait_minutes = -1;  // not yet known
    if (current <= room) {
        // The previous minute's share falls as (1 - elapsed) · previous.
        const double at = previous > 0 ? 1.0 - (room - current) / previous : 0.0;
        if (at < 1.0) wait_minutes = std::max(0.0, at - elapsed);
    }
    if (wait_minutes < 0) {
        // Not within this minute: in the next one, this minute's count fades in turn.
        const double at = current > 0 ? std::max(0.0, 1.0 - room / current) : 0.0;
        wait_minutes = (1.0 - elapsed) + at;
    }
    return std::chrono::seconds(
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(wait_minutes * 60))));
}

void TrafficLimits::count(const TrafficKey& key, std::int64_t now_ms) {
    auto& shard = shard_for(key);
    const auto minute = now_ms / minute_ms;
    std::lock_guard lock(shard.mutex);
    if (shard.counters.size() >= max_keys_per_shard_) {
        // Keys quiet for two minutes weigh nothing in any decision any more.
        boost::unordered::erase_if(
            shard.counters, [&](const auto& entry) { return entry.second.minute < minute - 1; });
        if (shard.counters.size() >= max_keys_per_shard_) {
            // Still full: a flood of fresh keys. Forget every other one rather than grow.
            bool drop = false;
            boost::unordered::erase_if(shard.counters, [&](const auto&) { return drop = !drop; });
        }
    }
    auto& counter = shard.counters[key];
    if (counter.minute != minute) {
        counter.previous = counter.minute == minute - 1 ? counter.current : 0;
        counter.current = 0;
        counter.minute = minute;
    }
    ++counter.current;
}

double TrafficLimits::network_limit() const {
    return std::max(settings_.network_floor, settings_.network_share * usual_per_minute_.load());
}

double TrafficLimits::as_limit(std::uint32_t as) const {
    if (as == 0 || std::find(settings_.unlimited_ases.begin(), settings_.unlimited_ases.end(),
                             as) != settings_.unlimited_ases.end())
        return INFINITY;
    return std::max(settings_.as_floor, settings_.as_share * usual_per_minute_.load());
}

TrafficDecision TrafficLimits::check(const TrafficKeys& keys, std::int64_t now_ms,
                                     bool by_address) {
    const auto over = [&](const TrafficKey& key, double limit, TrafficLimitKind kind) {
        const auto counter = snapshot(key);
        if (recent(counter, now_ms) + 1 <= limit) return TrafficDecision{};
        return TrafficDecision{kind, wait_until_under(counter, limit, now_ms)};
    };
    if (by_address) {
        if (auto d = over(keys.address, settings_.per_ip, TrafficLimitKind::address); !d.allowed())
            return d;
    }
    const auto network = network_limit();
    if (auto d = over(keys.network, network, TrafficLimitKind::network); !d.allowed()) return d;
    const bool wide_differs = keys.wide_differs();
    if (wide_differs) {
        if (auto d = over(keys.wide, network, TrafficLimitKind::network); !d.allowed()) return d;
    }
    const auto as = as_limit(keys.as);
    const bool as_counted = std::isfinite(as);
    if (as_counted) {
        if (auto d = over(keys.as_key(), as, TrafficLimitKind::as); !d.allowed()) return d;
    }
    if (by_address) count(keys.address, now_ms);
    count(keys.network, now_ms);
    if (wide_differs) count(keys.wide, now_ms);
    if (as_counted) count(keys.as_key(), now_ms);
    return {};
}

std::size_t TrafficLimits::tracked_keys() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        total += shard.counters.size();
    }
    return total;
}

}  // namespace rempart::shield
