// An incident's evidence in the store: the facts the exports are made of, and the exports made.
#include "store/evidence_repository.hpp"

#include "defence/model/errors.hpp"
#include "store/ban_repository.hpp"
#include "store/detail/evidence_rows.hpp"
#include "store/detail/incident_rows.hpp"
#include "store/detail/submission_evidence.hpp"
#include "store/incident_repository.hpp"
#include "store/incident_rows.hpp"
#include "store/submission_holds.hpp"

namespace rempart::store {
namespace {

// The incident's events, as ids of signing_events. One fixed text for every dimension:
// cluster keys and times are bound or read from the tables, never written into the SQL.
// ?1 petition, ?2 incident, ?3 now.
#define REMPART_INCIDENT_EVENTS \
    "WITH clusters(dimension, key, from_ms, to_ms) AS ("                                   \
    " SELECT dimension, key_value, first_attempt_ms, held_until_ms FROM incident_clusters" \
    "  WHERE incident_id = ?2"                                                             \
    " UNION ALL"                                                                           \
    " SELECT dimension, key_value, first_attempt_ms, COALESCE((SELECT MAX(until_ms)"       \
    "  FROM incident_actions WHERE incident_id = ?2 AND action = 'quarantined'), ?3)"      \
    "  FROM incidents WHERE id = ?2"                                                       \
    "  AND NOT EXISTS (SELECT 1 FROM incident_clusters WHERE incident_id = ?2)),"          \
    "held(signature_id) AS ("                                                              \
    " SELECT h.signature_id FROM quarantine_holds h"                                       \
    "  JOIN incident_clusters c ON c.id = h.cluster_id WHERE c.incident_id = ?2),"         \
    "matched(id) AS ("                                                                     \
    " SELECT e.id FROM clusters c, signing_events e"                                       \
    "  WHERE e.petition_id = ?1 AND e.at_ms >= c.from_ms AND e.at_ms <= c.to_ms AND ("     \
    "   (c.dimension = 'name' AND e.name_key = c.key)"                                     \
    "   OR (c.dimension = 'comment' AND e.comment_key = c.key)"                            \
    "   OR (c.dimension = 'email_domain' AND e.email_domain = c.key)"                      \
    "   OR (c.dimension = 'network' AND e.network = c.key)"                                \
    "   OR (c.dimension = 'as' AND e.asn = CAST(substr(c.key, 4) AS INTEGER))"             \
    "   OR (c.dimension = 'user_agent' AND e.user_agent = c.key)"                          \
    "   OR (c.dimension = 'confirm_network' AND e.kind = 'confirmation'"                   \
    "       AND e.network = c.key))"                                                       \
    " UNION"                                                                               \
    " SELECT e.id FROM signing_events e"                                                   \
    "  WHERE e.signature_id IN (SELECT signature_id FROM held) AND e.petition_id = ?1),"   \
    "events AS (SELECT * FROM signing_events WHERE id IN (SELECT id FROM matched)),"       \
    "involved(id) AS (SELECT signature_id FROM events WHERE signature_id IS NOT NULL"      \
    " UNION SELECT signature_id FROM held),"                                               \
    /* What its sources sent that was refused before any row (junk, limits, bans): the  */ \
    /* petition's summaries over its time, from the networks and ASes of its events or  */ \
    /* its bans. */                                                                        \
    "span(from_ms, to_ms) AS (SELECT MIN(from_ms), MAX(to_ms) FROM clusters),"             \
    "sources(network, asn) AS (SELECT network, asn FROM events"                            \
    " UNION SELECT value, NULL FROM bans WHERE incident_id = ?2 AND kind = 'network'"      \
    " UNION SELECT 'net:' || value, NULL FROM bans WHERE incident_id = ?2"                 \
    "  AND kind = 'network'"                                                               \
    " UNION SELECT NULL, CAST(substr(value, 4) AS INTEGER) FROM bans"                      \
    "  WHERE incident_id = ?2 AND kind = 'as'),"                                           \
    "refused AS (SELECT r.* FROM signing_refusals r, span"                                 \
    " WHERE r.petition_id = ?1 AND r.last_ms >= span.from_ms AND r.first_ms <= span.to_ms" \
    " AND (r.network IN (SELECT network FROM sources WHERE network IS NOT NULL)"           \
    "  OR r.asn IN (SELECT asn FROM sources WHERE asn IS NOT NULL))) "

struct Scope {
    std::int64_t petition_id;
    std::int64_t incident_id;
    std::int64_t now_ms;
};

Statement& prepare_scoped(Database& db, const char* sql, const Scope& scope) {
    auto& statement = db.prepare(sql);
    statement.bind(1, scope.petition_id).bind(2, scope.incident_id).bind(3, scope.now_ms);
    return statement;
}

Result<void> load_events(Database& db, const Scope& scope, defence::IncidentRecord& record) {
    auto& sources = prepare_scoped(
        db,
        REMPART_INCIDENT_EVENTS
        "SELECT ip, network, asn, verdict, COUNT(*), MIN(at_ms), MAX(at_ms) FROM events"
        " GROUP BY ip, network, asn, verdict"
        " UNION ALL SELECT sample_ip, network, asn, verdict, SUM(attempts), MIN(first_ms), "
        "MAX(last_ms)"
        " FROM refused GROUP BY network, asn, verdict",
        scope);
    if (auto ok = read_source_rows(sources, record.sources); !ok) return ok;

    auto& minutes =
        prepare_scoped(db,
                       REMPART_INCIDENT_EVENTS
                       "SELECT minute, verdict, SUM(n) FROM ("
                       " SELECT (at_ms / 60000) * 60000 AS minute, verdict, COUNT(*) AS n"
                       " FROM events GROUP BY minute, verdict"
                       " UNION ALL SELECT minute_ms, verdict, SUM(attempts) FROM refused"
                       " GROUP BY minute_ms, verdict) GROUP BY minute, verdict",
                       scope);
    if (auto ok = read_minute_rows(minutes, record.minutes); !ok) return ok;

    auto& agents = prepare_scoped(
        db,
        REMPART_INCIDENT_EVENTS
        "SELECT user_agent, COUNT(*), MIN(at_ms), MAX(at_ms) FROM events GROUP BY user_agent",
        scope);
    return read_user_agent_rows(agents, record.user_agents);
}

Result<void> load_signatures(Database& db, const Scope& scope, defence::IncidentRecord& record) {
    auto& states = prepare_scoped(
        db,
        REMPART_INCIDENT_EVENTS
        "SELECT state, COUNT(*) FROM signatures WHERE id IN (SELECT id FROM involved)"
        " GROUP BY state",
        scope);
    while (states.step()) record.signatures_by_state[states.column_text(0)] = states.column_int(1);
    if (auto ok = states.status(); !ok) return ok;
    states.reset();

    auto& samples =
        prepare_scoped(db,
                       REMPART_INCIDENT_EVENTS
                       "SELECT id, name, email, email_domain, postcode, comment, state, created_at,"
                       " confirmed_at, ip FROM signatures WHERE id IN (SELECT id FROM involved)"
                       " ORDER BY created_at, id LIMIT ?4",
                       scope);
    samples.bind(4, static_cast<std::int64_t>(defence::sample_limit));
    return read_sample_rows(samples, record.samples);
}

// Names and comments are stored as keyed hashes: one text as typed tells a reader what
// the key stood for. One fixed statement per dimension.
std::string example_of(Database& db, std::int64_t petition_id, const defence::Cluster& cluster) {
    const char* sql = nullptr;
    if (cluster.dimension == defence::Dimension::name)
        sql =
            "SELECT s.name FROM signing_events e JOIN signatures s ON s.id = e.signature_id"
            " WHERE e.petition_id = ?1 AND e.name_key = ?2 AND e.at_ms >= ?3"
            " ORDER BY e.at_ms, e.id LIMIT 1";
    else if (cluster.dimension == defence::Dimension::comment)
        sql =
            "SELECT s.comment FROM signing_events e JOIN signatures s ON s.id = e.signature_id"
            " WHERE e.petition_id = ?1 AND e.comment_key = ?2 AND e.at_ms >= ?3"
            " ORDER BY e.at_ms, e.id LIMIT 1";
    if (sql == nullptr) return {};
    auto& select = db.prepare(sql);
    select.bind(1, petition_id).bind(2, cluster.key_value).bind(3, cluster.first_attempt_ms);
    auto example = select.step() ? select.column_text(0) : std::string();
    select.reset();
    return example;
}

std::int64_t signatures_held(Database& db, std::int64_t cluster_id) {
    auto& count = db.prepare("SELECT COUNT(*) FROM quarantine_holds WHERE cluster_id = ?1");
    count.bind(1, cluster_id);
    const auto held = count.step() ? count.column_int(0) : 0;
    count.reset();
    return held;
}

// A cluster of proposals or reports: the items it set aside, whatever became of them.
std::int64_t set_aside_held(Database& db, const defence::Cluster& cluster) {
    const auto states = set_aside_states(db, cluster);
    return states.set_aside + states.invalidated + states.counted;
}

// What an incident opened before clusters had rows of their own knows of its one cluster:
// the figures of its own row, held until its 'quarantined' action's end.
Result<defence::ClusterEvidence> old_single_cluster(Database& db,
                                                    const defence::Incident& incident) {
    auto& select = db.prepare(
        "SELECT dimension, key_value, attempts_in_window, window_total, distinct_networks,"
        " (SELECT MAX(until_ms) FROM incident_actions a"
        "  WHERE a.incident_id = i.id AND a.action = 'quarantined')"
        " FROM incidents i WHERE i.id = ?1");
    select.bind(1, incident.id);
    defence::ClusterEvidence shown;
    auto& c = shown.cluster;
    if (select.step()) {
        c.incident_id = incident.id;
        c.petition_id = incident.petition_id;
        c.petition_slug = incident.petition_slug;
        // Only the defence writes the column, from the enum.
        c.dimension =
            defence::parse_dimension(select.column_text(0)).value_or(defence::Dimension::name);
        c.key_value = select.column_text(1);
        c.attempts_in_window = select.column_int(2);
        c.window_total = select.column_int(3);
        c.distinct_networks = select.column_int(4);
        c.held_until_ms = select.column_optional_int(5);
    }
    auto status = select.status();
    select.reset();
    if (!status) return status.error();
    c.first_attempt_ms = incident.first_attempt_ms;
    c.detected_ms = incident.opened_ms;
    c.state = incident.state;
    shown.signatures_held = incident.quarantined;
    return shown;
}

Result<void> load_clusters(Database& db, defence::IncidentRecord& record) {
    auto clusters = incident_clusters(db, record.incident.id);
    if (!clusters) return clusters.error();
    for (auto& cluster : *clusters) {
        const auto held = cluster.subject == defence::Subject::signatures
                              ? signatures_held(db, cluster.id)
                              : set_aside_held(db, cluster);
        record.clusters.push_back({std::move(cluster), {}, held});
    }
    if (record.clusters.empty()) {
        auto single = old_single_cluster(db, record.incident);
        if (!single) return single.error();
        record.clusters.push_back(std::move(*single));
    }
    for (auto& shown : record.clusters)
        shown.example = example_of(db, record.incident.petition_id, shown.cluster);
    return {};
}

Result<void> load_actions_and_bans(Database& db, defence::IncidentRecord& record) {
    auto actions = incident_actions(db, record.incident.id);
    if (!actions) return actions.error();
    record.actions = std::move(*actions);
    auto bans = incident_bans(db, record.incident.id);
    if (!bans) return bans.error();
    record.bans = std::move(*bans);
    return {};
}

Result<defence::IncidentRecord> load(Database& db, std::int64_t incident_id, std::int64_t now_ms) {
    auto& incident = db.prepare("SELECT " + std::string(incident_columns) +
                                std::string(incident_tables) + "WHERE i.id = ?1");
    incident.bind(1, incident_id);
    if (!incident.step()) {
        if (auto failed = incident.status(); !failed) return failed.error();
        return make_error(defence::DefenceError::incident_not_found,
                          "there is no incident " + std::to_string(incident_id));
    }
    defence::IncidentRecord record;
    record.incident = read_incident_row(incident);
    incident.reset();

    const Scope scope{record.incident.petition_id, incident_id, now_ms};
    if (auto ok = load_clusters(db, record); !ok) return ok.error();
    if (auto ok = load_actions_and_bans(db, record); !ok) return ok.error();
    if (record.incident.subject != defence::Subject::signatures) {
        if (auto ok = load_submission_evidence(db, record); !ok) return ok.error();
        return record;
    }
    if (auto ok = load_events(db, scope, record); !ok) return ok.error();
    if (auto ok = load_signatures(db, scope, record); !ok) return ok.error();
    return record;
}

}  // namespace

Result<defence::IncidentRecord> load_incident_record(Database& db, std::int64_t incident_id,
                                                     std::int64_t now_ms) {
    // A savepoint reads one snapshot, inside or outside a caller's transaction: both files
    // then describe the same moment even while signatures keep arriving.
    if (auto begun = db.exec("SAVEPOINT evidence_read"); !begun) return begun.error();
    auto record = load(db, incident_id, now_ms);
    (void)db.exec("RELEASE evidence_read");
    return record;
}

Result<std::int64_t> record_evidence_export(Database& db, std::int64_t incident_id,
                                            std::string_view format, std::string_view sha256,
                                            std::int64_t size_bytes, std::int64_t at_ms,
                                            std::string_view by) {
    if (format != "json" && format != "csv")
        return make_error(defence::DefenceError::evidence_bad_export,
                          "unknown evidence format " + std::string(format));
    const bool hex = sha256.size() == 64 &&
                     sha256.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!hex)
        return make_error(defence::DefenceError::evidence_bad_export,
                          "a SHA-256 is 64 lowercase hex digits");
    auto& known = db.prepare("SELECT 1 FROM incidents WHERE id = ?1");
    known.bind(1, incident_id);
    const bool exists = known.step();
    known.reset();
    if (!exists)
        return make_error(defence::DefenceError::incident_not_found,
                          "there is no incident " + std::to_string(incident_id));
    auto& insert = db.prepare(
        "INSERT INTO evidence_exports (incident_id, format, sha256, size_bytes, format_version,"
        " exported_ms, exported_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, incident_id).bind(2, format).bind(3, sha256).bind(4, size_bytes);
    insert.bind(5, defence::evidence_format_version).bind(6, at_ms).bind(7, by);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

std::vector<EvidenceExport> list_evidence_exports(Database& db, std::int64_t incident_id) {
    auto& select = db.prepare(
        "SELECT id, incident_id, format, sha256, size_bytes, format_version, exported_ms,"
        " exported_by FROM evidence_exports WHERE incident_id = ?1 ORDER BY exported_ms, id");
    select.bind(1, incident_id);
    std::vector<EvidenceExport> exports;
    while (select.step())
        exports.push_back({select.column_int(0), select.column_int(1), select.column_text(2),
                           select.column_text(3), select.column_int(4), select.column_int(5),
                           select.column_int(6), select.column_text(7)});
    select.reset();
    return exports;
}

}  // namespace rempart::store
