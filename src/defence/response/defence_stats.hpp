// What the defence did, counted for /metrics: incidents, quarantines, decisions, bans, and
// how long containment took.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>

namespace rempart::metrics {
class PrometheusText;
}

namespace rempart::defence {

struct DefenceStats {
    std::atomic<std::uint64_t> incidents_opened{0};
    std::atomic<std::uint64_t> clusters{0};
    std::atomic<std::uint64_t> quarantined{0};  // set aside by incidents, and at signing
    std::atomic<std::uint64_t> released{0};
    std::atomic<std::uint64_t> invalidated{0};
    std::atomic<std::uint64_t> bans{0};
    std::atomic<std::uint64_t> watches_opened{0};     // repeated values only watched
    std::atomic<std::uint64_t> watches_escalated{0};  // that became incidents later
    // Seconds from an attack's first attempt in the window to its quarantine committed.
    static constexpr std::array<double, 9> containment_buckets{1, 2, 5, 10, 20, 30, 60, 120, 300};
    std::array<std::atomic<std::uint64_t>, containment_buckets.size()> containment_le{};
    std::atomic<std::uint64_t> containment_count{0};
    std::atomic<std::uint64_t> containment_ms_sum{0};

    void observe_containment(std::int64_t ms);
};

// Adds the defence's families to /metrics.
void write_metrics(const DefenceStats& stats, metrics::PrometheusText& text);

}  // namespace rempart::defence
