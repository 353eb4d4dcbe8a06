// What the defence did, counted for /metrics.
#include "defence/response/defence_stats.hpp"

#include <algorithm>

#include "metrics/prometheus_text.hpp"

namespace rempart::defence {

void DefenceStats::observe_containment(std::int64_t ms) {
    const auto clamped = std::max<std::int64_t>(0, ms);
    for (std::size_t i = 0; i < containment_buckets.size(); ++i)
        if (static_cast<double>(clamped) <= containment_buckets[i] * 1000) ++containment_le[i];
    ++containment_count;
    containment_ms_sum += static_cast<std::uint64_t>(clamped);
}

void write_metrics(const DefenceStats& stats, metrics::PrometheusText& text) {
    const auto counter = [&text](const char* name, const char* help,
                                 const std::atomic<std::uint64_t>& value) {
        text.family(name, metrics::MetricType::counter, help).sample(value.load());
    };
    counter("rempart_incidents_opened_total", "Incidents (attacks) the defence opened.",
            stats.incidents_opened);
    counter("rempart_incident_clusters_total", "Values that stood out, within incidents.",
            stats.clusters);
    counter("rempart_signatures_quarantined_total", "Signatures set aside by incidents.",
            stats.quarantined);
    counter("rempart_signatures_released_total",
            "Quarantined signatures a moderator released: real signers the defence set aside.",
            stats.released);
    counter("rempart_signatures_invalidated_total",
            "Quarantined signatures a moderator invalidated.", stats.invalidated);
    counter("rempart_bans_total", "Networks and ASes banned by incidents.", stats.bans);
    counter("rempart_watches_opened_total",
            "Repeated values with no sign of automation, shown to moderators, nothing set aside.",
            stats.watches_opened);
    counter("rempart_watches_escalated_total",
            "Watches that became incidents once signs of automation appeared.",
            stats.watches_escalated);
    std::array<std::uint64_t, DefenceStats::containment_buckets.size()> cumulative{};
    for (std::size_t i = 0; i < cumulative.size(); ++i)
        cumulative[i] = stats.containment_le[i].load();
    text.family("rempart_containment_seconds", metrics::MetricType::histogram,
                "From an attack's first attempt to its quarantine.")
        .histogram({}, {.bounds = DefenceStats::containment_buckets,
                        .cumulative = cumulative,
                        .count = stats.containment_count.load(),
                        .sum = metrics::Value::fixed(
                            static_cast<double>(stats.containment_ms_sum.load()) / 1000.0, 3)});
}

}  // namespace rempart::defence
