// The defence acting by itself: every signing attempt goes through the detector; a cluster
// quarantines its signatures, bans where it came from and makes the proof of work harder.
#include "defence/response/defence.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/ban_repository.hpp"
#include "store/incident_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/submission_holds.hpp"
#include "store/watch_repository.hpp"

namespace rempart::defence {
namespace {

std::string describe(const Cluster& cluster) {
    const auto noun = cluster.subject == Subject::signatures
                          ? std::string("attempts")
                          : std::string(to_string(cluster.subject));
    return std::string(to_string(cluster.dimension)) +
           " stood out: " + std::to_string(cluster.attempts_in_window) + " of " +
           std::to_string(cluster.window_total) + " " + noun + " in the window, from " +
           std::to_string(cluster.distinct_networks) + " networks";
}

// The proof-of-work key raised while a cluster is held: its petition's, or the form's
// that sends its subject.
std::string difficulty_key(const Sighting& sighting) {
    switch (sighting.subject) {
        case Subject::proposals:
            return "petition:" + std::string(proposals_pow_key);
        case Subject::reports:
            return "petition:" + std::string(reports_pow_key);
        case Subject::signatures:
            break;
    }
    return "petition:" + sighting.petition_slug;
}

Subject subject_of(const signatures::SigningEvent& event) {
    return event.kind == signatures::SigningEvent::Kind::report ? Subject::reports
                                                                : Subject::proposals;
}

}  // namespace

Defence::Defence(store::Store& store, shield::Difficulty& difficulty, shield::BanList& bans,
                 DefenceOptions options)
    : store_(store),
      difficulty_(difficulty),
      bans_(bans),
      shared_(std::make_shared<Shared>(std::move(options))),
      detector_(shared_->options.detector),
      proposals_(shared_->options.submissions),
      reports_(shared_->options.submissions) {
    auto& never_ban = shared_->options.bans.never_ban;
    if (never_ban.empty()) never_ban = shared_->options.detector.large_networks;
}

bool Defence::observe(signatures::SigningEvent& event, const std::string& petition_slug) {
    const auto traits = detect::traits_of(event, shared_->options.detector.traits);
    std::lock_guard lock(mutex_);
    auto attempt = detect::attempt_of(event, traits, &trust_);
    if (!attempt.is_confirmation) event.automation = attempt.key(Dimension::automation);
    return judge(std::move(attempt), Subject::signatures, petition_slug);
}

bool Defence::judge(detect::Attempt attempt, Subject subject, const std::string& petition_slug) {
    const auto at_ms = attempt.at_ms;
    std::erase_if(held_, [&](const Held& held) { return held.until_ms() <= at_ms; });
    const bool held_before = held(attempt, subject);
    auto findings = detector_of(subject).observe(std::move(attempt));
    bool acted = false;
    for (auto& finding : findings) {
        finding.cluster.subject = subject;
        if (!finding.judgement.act) {
            watch(finding);
            continue;
        }
        record(finding, petition_slug);
        // A value the detector acts on is one of this attempt's own, or (after a
        // confirmation) one of an earlier attempt's: only the former holds this one.
        acted = acted || finding.cluster.last_ms == at_ms;
    }
    return held_before || acted;
}

bool Defence::observe_submission(signatures::SigningEvent& event) {
    const auto subject = subject_of(event);
    const auto& options = shared_->options.submissions;
    const auto traits = detect::traits_of(event, options.traits);
    std::lock_guard lock(mutex_);
    auto attempt = detect::attempt_of(event, traits, &trust_);
    event.automation = attempt.key(Dimension::automation);
    // One window for the whole site: the detector knows it by the petition id 0.
    attempt.petition_id = 0;
    return judge(std::move(attempt), subject, {});
}

bool Defence::held(const detect::Attempt& attempt, Subject subject) const {
    for (const auto& [cluster, _] : held_)
        if (cluster.subject == subject && cluster.petition_id == attempt.petition_id &&
            attempt.key(cluster.dimension) == cluster.key_value)
            return true;
    return false;
}

detect::Detector& Defence::detector_of(Subject subject) {
    switch (subject) {
        case Subject::proposals:
            return proposals_;
        case Subject::reports:
            return reports_;
        case Subject::signatures:
            break;
    }
    return detector_;
}

void Defence::set_trust(detect::TrustList trust) {
    std::lock_guard lock(mutex_);
    trust_ = std::move(trust);
}

void Defence::watch(const detect::Finding& finding) {
    const Sighting row = finding.cluster;
    spdlog::info("{} subject={} petition={} dimension={} attempts={} of={} networks={}",
                 log_event::incident_watch, to_string(row.subject), row.petition_id,
                 to_string(row.dimension), row.attempts_in_window, row.window_total,
                 row.distinct_networks);
    // A crowd of proposals or reports is the moderators' to read in their queue, where it
    // already is: only a petition's signers, whom nobody reads one by one, get a watch.
    if (row.subject != Subject::signatures) return;
    store_.writer().submit(
        [shared = shared_, row](store::Database& db) -> Result<void> {
            auto recorded = store::record_watch(db, row, unix_now_ms());
            if (!recorded) return recorded.error();
            if (recorded->opened) ++shared->stats.watches_opened;
            return {};
        },
        [](Result<void> done) {
            if (!done)
                spdlog::error("{} error={}", log_event::store_write_failed,
                              log_text(done.error().detail));
        });
}

void Defence::record(const detect::Finding& finding, const std::string& petition_slug) {
    const auto& cluster = finding.cluster;
    const auto& options = shared_->options;
    const auto until_ms = cluster.last_ms + options.hold.count() * 1000;
    Cluster row{Sighting(cluster)};  // its id, incident and state are the store's
    if (row.subject == Subject::signatures) row.petition_slug = petition_slug;
    difficulty_.raise(difficulty_key(row), options.raised_difficulty, until_ms / 1000);
    // The networks that mostly sent the cluster pay more on every petition, so the attack
    // moving elsewhere meets it too; a network shared with real signers is left alone.
    std::vector<std::string> raised_networks;
    for (const auto& network : cluster.networks) {
        if (raised_networks.size() == options.bans.max_networks) break;
        if (network.in_cluster * 2 < network.in_window) continue;
        difficulty_.raise(network.key, options.raised_difficulty, until_ms / 1000);
        raised_networks.push_back(network.key);
    }
    row.detected_ms = cluster.last_ms;
    row.held_until_ms = until_ms;
    held_.push_back({row, std::move(raised_networks)});
    // Bans act at once, in memory; the store learns of them with the cluster.
    auto bans = choose_bans(cluster, options.bans);
    const auto ban_until = cluster.last_ms + options.bans.duration.count() * 1000;
    for (auto& ban : bans) {
        bans_.ban(ban.value, ban_until, cluster.last_ms);
        ban.from_ms = cluster.last_ms;
        ban.until_ms = ban_until;
    }
    ++shared_->stats.clusters;
    shared_->stats.bans += bans.size();
    spdlog::warn("{} subject={} petition={} dimension={} attempts={} of={} networks={} bans={}",
                 log_event::incident_cluster, to_string(row.subject), row.petition_id,
                 to_string(row.dimension), row.attempts_in_window, row.window_total,
                 row.distinct_networks, bans.size());
    // Rendered here, not on the writer's thread: the write only fills in its two figures.
    CompleteAlerts alerts;
    if (options.render_alerts)
        alerts = options.render_alerts({row, static_cast<std::int64_t>(bans.size())});

    // Queued behind every signature already submitted: the quarantine reaches them all.
    auto job = [shared = shared_, row, bans = std::move(bans), ban_until,
                alerts = std::move(alerts)](store::Database& db) -> Result<void> {
        const auto& options = shared->options;
        const auto at = unix_now_ms();
        auto recorded = store::record_cluster(db, row, at);
        if (!recorded) return recorded.error();
        const auto incident = recorded->incident_id;
        const bool signatures = row.subject == Subject::signatures;
        // The figure counts signatures; proposals and reports are told by their incident.
        if (signatures)
            shared->stats.quarantined += static_cast<std::uint64_t>(recorded->quarantined);
        if (recorded->new_incident) {
            ++shared->stats.incidents_opened;
            shared->stats.observe_containment(at - row.first_attempt_ms);
            spdlog::warn("{} incident={} subject={} petition={} contained_after_ms={}",
                         log_event::incident_opened, incident, to_string(row.subject),
                         row.petition_id, at - row.first_attempt_ms);
        }
        const auto action = [&](std::string_view what, const std::string& detail,
                                std::optional<std::int64_t> until = std::nullopt) {
            return store::record_incident_action(db, incident, at, what, detail, until);
        };
        if (auto r = action("cluster", describe(row) + ". " + row.evidence); !r) return r;
        auto escalated = signatures ? store::escalate_watch(db, row.petition_id, row.dimension,
                                                            row.key_value, incident, at)
                                    : Result<bool>(false);
        if (!escalated) return escalated.error();
        if (*escalated) {
            ++shared->stats.watches_escalated;
            if (auto r = action("watch_escalated",
                                "the value was watched; signs of automation appeared since");
                !r)
                return r;
        }
        const auto noun = std::string(to_string(row.subject));
        if (auto r =
                action("quarantined",
                       std::to_string(recorded->quarantined) + " " + noun + ", and new ones with " +
                           std::string(to_string(row.dimension)) + " = this value",
                       row.held_until_ms);
            !r)
            return r;
        if (auto r = action("difficulty_raised",
                            std::string(signatures ? "proof of work for the petition"
                                                   : "proof of work for the " + noun + " form") +
                                " raised to " + std::to_string(options.raised_difficulty),
                            row.held_until_ms);
            !r)
            return r;
        for (auto ban : bans) {
            ban.incident_id = incident;
            if (auto id = store::record_ban(db, ban); !id) return id.error();
            // What the banned source sent beside the cluster's value is the attack's too
            // (another celebrity's name, no comment): held by the same cluster.
            auto more = signatures ? store::hold_more(db, recorded->cluster_id, row.petition_id,
                                                      dimension_of(ban.kind), ban.value,
                                                      row.first_attempt_ms)
                                   : store::set_aside_submissions(
                                         db, recorded->cluster_id, row.subject,
                                         dimension_of(ban.kind), ban.value, row.first_attempt_ms);
            if (!more) return more.error();
            recorded->quarantined += *more;
            if (signatures) shared->stats.quarantined += static_cast<std::uint64_t>(*more);
            if (auto r = action("banned",
                                ban.value + ": " + ban.reason + "; " + std::to_string(*more) +
                                    " more " + noun + " from it quarantined",
                                ban_until);
                !r)
                return r;
        }
        // One alert an attack: later clusters join the incident the admins already know of.
        if (!recorded->new_incident || !alerts) return {};
        for (const auto& alert : alerts({incident, recorded->quarantined})) {
            if (auto queued = store::enqueue_mail(db, "alert", alert.from, alert.to, alert.message,
                                                  at / 1000);
                !queued)
                return queued.error();
            if (auto r = action("alert_mailed", alert.to); !r) return r;
        }
        return {};
    };
    store_.writer().submit(std::move(job), [shared = shared_](Result<void> done) {
        if (!done) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(done.error().detail));
            return;
        }
        if (shared->options.render_alerts && shared->options.mail_queued)
            shared->options.mail_queued();
    });
}

void Defence::restore(const std::vector<Cluster>& held, const std::vector<Ban>& bans,
                      std::int64_t now) {
    std::lock_guard lock(mutex_);
    for (const auto& cluster : held) {
        held_.push_back({cluster, {}});
        difficulty_.raise(difficulty_key(cluster), shared_->options.raised_difficulty,
                          held_.back().until_ms() / 1000);
    }
    for (const auto& ban : bans) bans_.ban(ban.value, ban.until_ms, now);
}

void Defence::decided(const store::DecidedCluster& decided, ClusterDecision decision) {
    auto& counter =
        decision == ClusterDecision::release ? shared_->stats.released : shared_->stats.invalidated;
    // The figures count signatures: a cluster of proposals or reports adds none.
    if (decided.cluster.subject == Subject::signatures)
        counter += static_cast<std::uint64_t>(decided.signatures);
    // An invalidated cluster keeps holding its key until the hold ends: the attack may
    // still be under way.
    if (decision != ClusterDecision::release) return;
    const auto& cluster = decided.cluster;
    std::lock_guard lock(mutex_);
    std::erase_if(held_, [&](const Held& held) {
        const bool released = held.cluster.subject == cluster.subject &&
                              held.cluster.petition_id == cluster.petition_id &&
                              held.cluster.dimension == cluster.dimension &&
                              held.cluster.key_value == cluster.key_value;
        if (released)
            for (const auto& network : held.raised_networks) difficulty_.lower(network);
        return released;
    });
    const bool still_held = std::any_of(held_.begin(), held_.end(), [&](const Held& held) {
        return held.cluster.subject == cluster.subject &&
               held.cluster.petition_id == cluster.petition_id;
    });
    if (!still_held) difficulty_.lower(difficulty_key(cluster));
}

void Defence::lifted(const Ban& ban) {
    bans_.lift(ban.value);
}

}  // namespace rempart::defence
