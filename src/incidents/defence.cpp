// The defence acting by itself: every signing attempt goes through the detector; a cluster
// opens an incident that quarantines its signatures and makes the proof of work harder.
#include "incidents/defence.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "store/incident_repository.hpp"
#include "store/outbox_repository.hpp"

namespace rempart::incidents {

Defence::Defence(store::Store& store, shield::Difficulty& difficulty, DefenceOptions options)
    : store_(store),
      difficulty_(difficulty),
      shared_(std::make_shared<Shared>(std::move(options))),
      detector_(shared_->options.detector) {}

bool Defence::observe(const signatures::SigningEvent& event, const std::string& petition_slug) {
    auto attempt = detect::attempt_of(event);
    std::lock_guard lock(mutex_);
    std::erase_if(held_, [&](const Held& held) { return held.until_ms <= attempt.at_ms; });
    const auto is_held = [&] {
        for (const auto& held : held_)
            if (held.petition_id == attempt.petition_id &&
                attempt.key(held.dimension) == held.value)
                return true;
        return false;
    };
    const bool held_before = is_held();
    // A cluster the detector reports is always one of this attempt's own values.
    const auto clusters = detector_.observe(std::move(attempt));
    for (const auto& cluster : clusters) open(cluster, petition_slug);
    return held_before || !clusters.empty();
}

void Defence::open(const detect::Cluster& cluster, const std::string& petition_slug) {
    const auto& options = shared_->options;
    const auto until_ms = cluster.last_ms + options.hold.count() * 1000;
    held_.push_back({cluster.petition_id, cluster.dimension, cluster.value, until_ms});
    difficulty_.raise("petition:" + petition_slug, options.raised_difficulty, until_ms / 1000);
    ++shared_->stats.incidents_opened;

    store::NewIncident incident;
    incident.petition_id = cluster.petition_id;
    incident.dimension = std::string(detect::to_string(cluster.dimension));
    incident.key_value = cluster.value;
    incident.attempts_in_window = static_cast<std::int64_t>(cluster.count);
    incident.window_total = static_cast<std::int64_t>(cluster.window_total);
    incident.distinct_networks = static_cast<std::int64_t>(cluster.distinct_networks);
    incident.first_attempt_ms = cluster.first_ms;
    incident.opened_ms = cluster.last_ms;
    const auto difficulty = options.raised_difficulty;
    spdlog::warn("{} petition={} dimension={} attempts={} of={} networks={}",
                 log_event::incident_opened, cluster.petition_id, incident.dimension,
                 cluster.count, cluster.window_total, cluster.distinct_networks);
    // Queued behind every signature already submitted: the quarantine reaches them all.
    store_.writer().submit(
        [shared = shared_, incident, difficulty, until_ms,
         petition_slug](store::Database& db) -> Result<void> {
            auto opened = store::open_incident(db, incident, incident.first_attempt_ms);
            if (!opened) return opened.error();
            shared->stats.quarantined += static_cast<std::uint64_t>(opened->quarantined);
            const auto at = incident.opened_ms;
            if (shared->options.compose_alerts) {
                const OpenedFacts facts{opened->id,
                                        incident.petition_id,
                                        petition_slug,
                                        incident.dimension,
                                        incident.key_value,
                                        incident.attempts_in_window,
                                        incident.window_total,
                                        incident.distinct_networks,
                                        opened->quarantined,
                                        until_ms};
                for (const auto& alert : shared->options.compose_alerts(facts)) {
                    if (auto queued = store::enqueue_mail(db, "alert", shared->options.alert_from,
                                                          alert.to, alert.message, at / 1000);
                        !queued)
                        return queued.error();
                    if (auto r = store::record_incident_action(db, opened->id, at,
                                                               "alert_mailed", alert.to);
                        !r)
                        return r;
                }
            }
            if (auto r = store::record_incident_action(
                    db, opened->id, at, "quarantined",
                    std::to_string(opened->quarantined) + " signatures, and new ones with " +
                        incident.dimension + " = this value",
                    until_ms);
                !r)
                return r;
            return store::record_incident_action(
                db, opened->id, at, "difficulty_raised",
                "proof of work for the petition raised to " + std::to_string(difficulty),
                until_ms);
        },
        [shared = shared_](Result<void> done) {
            if (!done) {
                spdlog::error("{} error=\"{}\"", log_event::store_write_failed,
                              done.error().detail);
                return;
            }
            if (shared->options.compose_alerts && shared->options.mail_queued)
                shared->options.mail_queued();
        });
}

}  // namespace rempart::incidents
