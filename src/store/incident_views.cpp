// What the back office shows of incidents. Reads only.
#include "store/incident_views.hpp"

#include "defence/model/errors.hpp"
#include "store/ban_repository.hpp"
#include "store/detail/incident_rows.hpp"
#include "store/incident_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/submission_holds.hpp"

namespace rempart::store {
namespace {

// The incident's own columns, then what the list shows of it.
const std::string summary_sql =
    "SELECT " + std::string(incident_columns) +
    ", (SELECT COUNT(*) FROM incident_clusters c WHERE c.incident_id = i.id), "
    "(SELECT COUNT(DISTINCT h.signature_id) FROM quarantine_holds h JOIN incident_clusters c "
    " ON c.id = h.cluster_id JOIN signatures s ON s.id = h.signature_id WHERE c.incident_id = "
    " i.id AND s.state = 'quarantined'), "
    "(SELECT COUNT(DISTINCT h.signature_id) FROM quarantine_holds h JOIN incident_clusters c "
    " ON c.id = h.cluster_id JOIN signatures s ON s.id = h.signature_id WHERE c.incident_id = "
    " i.id AND c.state = 'released' AND s.state IN ('pending', 'confirmed')) "
    // Proposals and reports: set aside now, and given back.
    "+ (SELECT COUNT(*) FROM submissions s JOIN incident_clusters c ON c.id = s.set_aside_by "
    " WHERE c.incident_id = i.id AND s.set_aside = 1 AND s.decided_at IS NULL) "
    "+ (SELECT COUNT(*) FROM petition_reports r JOIN incident_clusters c ON c.id = "
    " r.set_aside_by WHERE c.incident_id = i.id AND r.set_aside = 1 AND r.handled_at IS NULL), "
    "(SELECT COUNT(*) FROM submissions s JOIN incident_clusters c ON c.id = s.set_aside_by "
    " WHERE c.incident_id = i.id AND s.set_aside = 0) "
    "+ (SELECT COUNT(*) FROM petition_reports r JOIN incident_clusters c ON c.id = "
    " r.set_aside_by WHERE c.incident_id = i.id AND r.set_aside = 0) " +
    std::string(incident_tables);

IncidentSummary read_summary(const Statement& row) {
    constexpr int n = incident_column_count;
    return {read_incident_row(row), row.column_int(n),
            row.column_int(n + 1) + row.column_int(n + 3),
            row.column_int(n + 2) + row.column_int(n + 4)};
}

// A cluster of proposals or reports shows them as a cluster of signatures shows its
// signatures: by what became of them, and the earliest few (the author's name, the title
// or the reason in the comment's place).
void read_set_aside(Database& db, ClusterView& view, std::size_t limit) {
    const auto states = set_aside_states(db, view.cluster);
    view.quarantined = states.set_aside;
    view.invalidated = states.invalidated;
    view.counted = states.counted;
    for (auto& item :
         set_aside_items(db, view.cluster.subject, ItemScope::cluster, view.cluster.id, limit))
        view.samples.push_back({item.id, item.at, std::move(item.author),
                                std::move(item.email_domain), std::move(item.text),
                                std::move(item.state), std::move(item.ip), std::string()});
}

Result<std::vector<ClusterView>> read_clusters(Database& db, std::int64_t incident_id,
                                               std::size_t samples_per_cluster) {
    auto rows = incident_clusters(db, incident_id);
    if (!rows) return rows.error();
    std::vector<ClusterView> clusters;
    for (auto& row : *rows) clusters.push_back({std::move(row)});
    for (auto& cluster : clusters) {
        if (cluster.cluster.subject != defence::Subject::signatures) {
            read_set_aside(db, cluster, samples_per_cluster);
            continue;
        }
        auto& states = db.prepare(
            "SELECT s.state, COUNT(*), COUNT(v.signature_id) FROM quarantine_holds h JOIN "
            "signatures s ON s.id = h.signature_id LEFT JOIN hand_invalidations v ON "
            "v.signature_id = h.signature_id WHERE h.cluster_id = ?1 GROUP BY s.state");
        states.bind(1, cluster.cluster.id);
        while (states.step()) {
            const auto state = states.column_text(0);
            const auto count = states.column_int(1);
            if (state == "quarantined") {
                cluster.quarantined += count;
            } else if (state == "invalidated") {
                cluster.invalidated += count;
                cluster.invalidated_by_hand += states.column_int(2);
            } else if (state == "pending" || state == "confirmed") {
                cluster.counted += count;
            }
        }
        states.reset();
        auto& samples = db.prepare(
            "SELECT s.id, s.created_at, s.name, s.email_domain, s.comment, s.state, s.ip, "
            "COALESCE(s.postcode, '') FROM "
            "quarantine_holds h JOIN signatures s ON s.id = h.signature_id WHERE h.cluster_id = "
            "?1 ORDER BY s.created_at, s.id LIMIT ?2");
        samples.bind(1, cluster.cluster.id);
        samples.bind(2, static_cast<std::int64_t>(samples_per_cluster));
        while (samples.step())
            cluster.samples.push_back({samples.column_int(0), samples.column_int(1),
                                       samples.column_text(2), samples.column_text(3),
                                       samples.column_text(4), samples.column_text(5),
                                       samples.column_text(6), samples.column_text(7)});
        samples.reset();
    }
    return clusters;
}

}  // namespace

std::vector<IncidentSummary> list_incidents(Database& db, std::int64_t limit) {
    auto& select = db.prepare(summary_sql + "ORDER BY i.id DESC LIMIT ?1");
    select.bind(1, limit);
    std::vector<IncidentSummary> incidents;
    while (select.step()) incidents.push_back(read_summary(select));
    select.reset();
    return incidents;
}

Result<IncidentView> load_incident_view(Database& db, std::int64_t incident_id,
                                        std::size_t samples_per_cluster) {
    auto& select = db.prepare(summary_sql + "WHERE i.id = ?1");
    select.bind(1, incident_id);
    if (!select.step()) {
        select.reset();
        return make_error(defence::DefenceError::incident_not_found,
                          "no incident " + std::to_string(incident_id));
    }
    IncidentView view;
    view.summary = read_summary(select);
    select.reset();
    auto clusters = read_clusters(db, incident_id, samples_per_cluster);
    if (!clusters) return clusters.error();
    view.clusters = std::move(*clusters);
    auto actions = incident_actions(db, incident_id);
    if (!actions) return actions.error();
    view.actions = std::move(*actions);
    auto bans = incident_bans(db, incident_id);
    if (!bans) return bans.error();
    view.bans = std::move(*bans);

    // The attack in its context: from ten minutes before its first attempt, three hours.
    const auto from = view.summary.incident.first_attempt_ms - 10 * 60'000;
    if (const auto subject = view.summary.incident.subject;
        subject != defence::Subject::signatures) {
        auto& minutes = db.prepare(
            "SELECT (at_ms / 60000) * 60000 AS minute, verdict, COUNT(*) FROM submission_events "
            "WHERE kind = ?1 AND at_ms >= ?2 AND at_ms < ?3 GROUP BY minute, verdict "
            "ORDER BY minute, verdict");
        minutes.bind(1, subject == defence::Subject::proposals ? "proposal" : "report");
        minutes.bind(2, from).bind(3, from + 3 * 3600'000);
        while (minutes.step())
            view.minutes.push_back(
                {minutes.column_int(0), minutes.column_text(1), minutes.column_int(2)});
        minutes.reset();
        return view;
    }
    // Refused attempts are summaries per minute; the others are rows of their own.
    auto& minutes = db.prepare(
        "SELECT minute, verdict, SUM(n) FROM ("
        " SELECT (at_ms / 60000) * 60000 AS minute, verdict, COUNT(*) AS n FROM signing_events"
        "  WHERE petition_id = ?1 AND kind = 'attempt' AND at_ms >= ?2 AND at_ms < ?3"
        "  GROUP BY minute, verdict"
        " UNION ALL"
        " SELECT minute_ms, verdict, SUM(attempts) FROM signing_refusals"
        "  WHERE petition_id = ?1 AND minute_ms >= ?2 AND minute_ms < ?3 GROUP BY minute_ms, "
        "verdict"
        ") GROUP BY minute, verdict ORDER BY minute, verdict");
    minutes.bind(1, view.summary.incident.petition_id).bind(2, from).bind(3, from + 3 * 3600'000);
    while (minutes.step())
        view.minutes.push_back(
            {minutes.column_int(0), minutes.column_text(1), minutes.column_int(2)});
    minutes.reset();
    return view;
}

}  // namespace rempart::store
