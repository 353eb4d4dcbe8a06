// What the defence did, counted for /metrics.
#include "incidents/defence_stats.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace rempart::incidents {

void DefenceStats::observe_containment(std::int64_t ms) {
    const auto clamped = std::max<std::int64_t>(0, ms);
    for (std::size_t i = 0; i < containment_buckets.size(); ++i)
        if (static_cast<double>(clamped) <= containment_buckets[i] * 1000) ++containment_le[i];
    ++containment_count;
    containment_ms_sum += static_cast<std::uint64_t>(clamped);
}

void write_metrics(const DefenceStats& stats, std::string& out) {
    const auto counter = [&out](const char* name, const char* help,
                                const std::atomic<std::uint64_t>& value) {
        out +=
            fmt::format("# HELP {0} {1}\n# TYPE {0} counter\n{0} {2}\n", name, help, value.load());
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
    out +=
        "# HELP rempart_containment_seconds From an attack's first attempt to its "
        "quarantine.\n# TYPE rempart_containment_seconds histogram\n";
    for (std::size_t i = 0; i < DefenceStats::containment_buckets.size(); ++i)
        out += fmt::format("rempart_containment_seconds_bucket{{le=\"{}\"}} {}\n",
                           DefenceStats::containment_buckets[i], stats.containment_le[i].load());
    out += fmt::format("rempart_containment_seconds_bucket{{le=\"+Inf\"}} {}\n",
                       stats.containment_count.load());
    out += fmt::format("rempart_containment_seconds_sum {:.3f}\n",
                       static_cast<double>(stats.containment_ms_sum.load()) / 1000.0);
    out += fmt::format("rempart_containment_seconds_count {}\n", stats.containment_count.load());
}

}  // namespace rempart::incidents
