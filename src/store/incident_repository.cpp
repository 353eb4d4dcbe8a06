// Incidents in the store: clusters, the signatures they hold, and the actions taken.
#include "store/incident_repository.hpp"

#include "defence/model/errors.hpp"
#include "store/event_keys.hpp"
#include "store/submission_holds.hpp"

namespace rempart::store {
namespace {

// One statement per searchable key (see event_keys): no SQL is built from a value.
// Quarantined signatures are held too, so that one cluster's release cannot free what
// another holds. Empty for a dimension the events do not hold.
std::string hold_sql(defence::Dimension dimension) {
    const auto key = event_key(dimension);
    if (!key) return {};
    auto sql = std::string(
                   "INSERT OR IGNORE INTO quarantine_holds (cluster_id, signature_id) SELECT "
                   "DISTINCT ?4, e.signature_id FROM signing_events e JOIN signatures s ON s.id = "
                   "e.signature_id WHERE e.petition_id = ?1 AND e.") +
               std::string(key->column) +
               " = ?2 AND e.at_ms >= ?3 AND s.state IN ('pending', 'confirmed', 'quarantined')";
    if (!key->condition.empty()) sql += " AND " + std::string(key->condition);
    return sql;
}

Error unknown_dimension(defence::Dimension dimension) {
    return make_error(defence::DefenceError::unknown_dimension,
                      "no signatures can be searched by dimension " +
                          std::to_string(static_cast<int>(dimension)));
}

// An incident about signatures names its petition; one about proposals or reports, none.
std::optional<std::int64_t> petition_of(const defence::Cluster& cluster) {
    if (cluster.subject != defence::Subject::signatures) return std::nullopt;
    return cluster.petition_id;
}

// The incident of the same petition, or the same subject, whose attack is still under way.
std::optional<std::int64_t> incident_under_way(Database& db, const defence::Cluster& cluster) {
    auto& select = db.prepare(
        "SELECT i.id FROM incidents i WHERE i.subject = ?3 AND i.petition_id IS ?1 AND "
        "i.state = 'open' AND EXISTS (SELECT 1 FROM incident_clusters c WHERE c.incident_id = "
        "i.id AND c.state = 'open' AND c.held_until_ms > ?2) ORDER BY i.id DESC LIMIT 1");
    select.bind(1, petition_of(cluster)).bind(2, cluster.detected_ms);
    select.bind(3, to_string(cluster.subject));
    std::optional<std::int64_t> id;
    if (select.step()) id = select.column_int(0);
    select.reset();
    return id;
}

Result<std::int64_t> open_incident(Database& db, const defence::Cluster& cluster,
                                   std::int64_t now_ms) {
    auto& insert = db.prepare(
        "INSERT INTO incidents (petition_id, state, dimension, key_value, attempts_in_window, "
        "window_total, distinct_networks, first_attempt_ms, opened_ms, subject) VALUES (?1, "
        "'open', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    insert.bind(1, petition_of(cluster)).bind(2, to_string(cluster.dimension));
    insert.bind(3, cluster.key_value).bind(4, cluster.attempts_in_window);
    insert.bind(5, cluster.window_total).bind(6, cluster.distinct_networks);
    insert.bind(7, cluster.first_attempt_ms).bind(8, now_ms).bind(9, to_string(cluster.subject));
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

}  // namespace

Result<RecordedCluster> record_cluster(Database& db, const defence::Cluster& cluster,
                                       std::int64_t now_ms) {
    const bool signatures = cluster.subject == defence::Subject::signatures;
    if (signatures && hold_sql(cluster.dimension).empty())
        return unknown_dimension(cluster.dimension);
    RecordedCluster recorded;
    if (const auto under_way = incident_under_way(db, cluster)) {
        recorded.incident_id = *under_way;
    } else {
        auto opened = open_incident(db, cluster, now_ms);
        if (!opened) return opened.error();
        recorded.incident_id = *opened;
        recorded.new_incident = true;
    }

    auto& insert = db.prepare(
        "INSERT INTO incident_clusters (incident_id, dimension, key_value, attempts_in_window, "
        "window_total, distinct_networks, first_attempt_ms, detected_ms, contained_ms, "
        "held_until_ms, state, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'open', "
        "?11)");
    insert.bind(1, recorded.incident_id).bind(2, to_string(cluster.dimension));
    insert.bind(3, cluster.key_value);
    insert.bind(4, cluster.attempts_in_window).bind(5, cluster.window_total);
    insert.bind(6, cluster.distinct_networks).bind(7, cluster.first_attempt_ms);
    insert.bind(8, cluster.detected_ms).bind(9, now_ms).bind(10, cluster.held_until_ms);
    insert.bind(11, cluster.evidence);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    recorded.cluster_id = db.last_insert_id();

    auto held =
        signatures
            ? hold_more(db, recorded.cluster_id, cluster.petition_id, cluster.dimension,
                        cluster.key_value, cluster.first_attempt_ms)
            : set_aside_submissions(db, recorded.cluster_id, cluster.subject, cluster.dimension,
                                    cluster.key_value, cluster.first_attempt_ms);
    if (!held) return held.error();
    recorded.quarantined = *held;

    auto& update = db.prepare("UPDATE incidents SET quarantined = quarantined + ?1 WHERE id = ?2");
    update.bind(1, recorded.quarantined).bind(2, recorded.incident_id);
    if (auto updated = update.run(); !updated) return updated.error();
    return recorded;
}

Result<std::int64_t> hold_more(Database& db, std::int64_t cluster_id, std::int64_t petition_id,
                               defence::Dimension dimension, std::string_view key_value,
                               std::int64_t since_ms) {
    const auto hold = hold_sql(dimension);
    if (hold.empty()) return unknown_dimension(dimension);
    auto& link = db.prepare(hold);
    link.bind(1, petition_id);
    bind_event_key(link, 2, dimension, key_value);
    link.bind(3, since_ms).bind(4, cluster_id);
    if (auto linked = link.run(); !linked) return linked.error();

    auto& quarantine = db.prepare(
        "UPDATE signatures SET state = 'quarantined' WHERE state IN ('pending', 'confirmed') "
        "AND id IN (SELECT signature_id FROM quarantine_holds WHERE cluster_id = ?1)");
    quarantine.bind(1, cluster_id);
    if (auto done = quarantine.run(); !done) return done.error();
    return db.changes();
}

Result<std::int64_t> hold_new_signature(Database& db, std::int64_t signature_id,
                                        const signatures::SigningEvent& event,
                                        std::int64_t now_ms) {
    auto& link = db.prepare(
        "INSERT OR IGNORE INTO quarantine_holds (cluster_id, signature_id) SELECT c.id, ?1 FROM "
        "incident_clusters c JOIN incidents i ON i.id = c.incident_id WHERE i.subject = "
        "'signatures' AND i.petition_id = ?2 AND c.state != 'released' AND c.held_until_ms > ?3 "
        "AND ("
        "(c.dimension = 'name' AND c.key_value = ?4) OR "
        "(c.dimension = 'comment' AND c.key_value = ?5) OR "
        "(c.dimension = 'email_domain' AND c.key_value = ?6) OR "
        "(c.dimension = 'network' AND c.key_value = ?7) OR "
        "(c.dimension = 'as' AND c.key_value = ?8) OR "
        "(c.dimension = 'user_agent' AND c.key_value = ?9) OR "
        "(c.dimension = 'confirm_network' AND c.key_value = ?10) OR "
        "(c.dimension = 'automation' AND c.key_value = ?11))");
    link.bind(1, signature_id).bind(2, event.petition_id.value_or(0)).bind(3, now_ms);
    // An attempt is held by its own keys; a confirmation only by where it came from.
    const bool confirmation = event.kind == signatures::SigningEvent::Kind::confirmation;
    const auto key = [confirmation](const std::string& value) {
        return confirmation ? std::string() : value;
    };
    link.bind(4, key(event.name_key)).bind(5, key(event.comment_key));
    link.bind(6, key(event.email_domain)).bind(7, key(event.network));
    link.bind(8, key(event.asn ? "as:" + std::to_string(*event.asn) : std::string()));
    link.bind(9, key(event.user_agent));
    link.bind(10, confirmation ? event.network : std::string());
    link.bind(11, key(event.automation));
    if (auto linked = link.run(); !linked) return linked.error();
    return db.changes();
}

Result<void> record_incident_action(Database& db, std::int64_t incident_id, std::int64_t at_ms,
                                    std::string_view action, std::string_view detail,
                                    std::optional<std::int64_t> until_ms) {
    auto& insert = db.prepare(
        "INSERT INTO incident_actions (incident_id, at_ms, action, detail, until_ms) VALUES "
        "(?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, incident_id).bind(2, at_ms).bind(3, action).bind(4, detail).bind(5, until_ms);
    return insert.run();
}

Result<std::vector<defence::Action>> incident_actions(Database& db, std::int64_t incident_id) {
    auto& select = db.prepare(
        "SELECT id, at_ms, action, detail, until_ms FROM incident_actions WHERE incident_id = ?1 "
        "ORDER BY at_ms, id");
    select.bind(1, incident_id);
    std::vector<defence::Action> actions;
    while (select.step())
        actions.push_back({select.column_int(0), select.column_int(1), select.column_text(2),
                           select.column_text(3), select.column_optional_int(4)});
    auto status = select.status();
    select.reset();
    if (!status) return status.error();
    return actions;
}

}  // namespace rempart::store
