// The evidence of an incident about proposals or reports.
#include "store/detail/submission_evidence.hpp"

#include "store/detail/evidence_rows.hpp"

namespace rempart::store {
namespace {

using namespace rempart::defence;

// ?1 the events' kind, ?2 the incident. As for signing (evidence_repository): one fixed
// text, every key and time bound or read from the tables.
#define REMPART_SUBMISSION_EVENTS                                                          \
    "WITH clusters(dimension, key, from_ms, to_ms) AS ("                                   \
    " SELECT dimension, key_value, first_attempt_ms, held_until_ms FROM incident_clusters" \
    "  WHERE incident_id = ?2),"                                                           \
    "matched(id) AS ("                                                                     \
    " SELECT e.id FROM clusters c, submission_events e"                                    \
    "  WHERE e.kind = ?1 AND e.at_ms >= c.from_ms AND e.at_ms <= c.to_ms AND ("            \
    "   (c.dimension = 'name' AND e.name_key = c.key)"                                     \
    "   OR (c.dimension = 'comment' AND e.comment_key = c.key)"                            \
    "   OR (c.dimension = 'email_domain' AND e.email_domain = c.key)"                      \
    "   OR (c.dimension = 'network' AND e.network = c.key)"                                \
    "   OR (c.dimension = 'as' AND e.asn = CAST(substr(c.key, 4) AS INTEGER))"             \
    "   OR (c.dimension = 'user_agent' AND e.user_agent = c.key)"                          \
    "   OR (c.dimension = 'automation' AND e.automation = c.key))"                         \
    " UNION"                                                                               \
    " SELECT e.id FROM submission_events e JOIN submissions s ON s.petition_id ="          \
    "  e.petition_id JOIN incident_clusters c ON c.id = s.set_aside_by"                    \
    "  WHERE ?1 = 'proposal' AND e.kind = 'proposal' AND c.incident_id = ?2"               \
    " UNION"                                                                               \
    " SELECT e.id FROM submission_events e JOIN petition_reports r ON r.id = e.report_id"  \
    "  JOIN incident_clusters c ON c.id = r.set_aside_by"                                  \
    "  WHERE ?1 = 'report' AND e.kind = 'report' AND c.incident_id = ?2),"                 \
    "events AS (SELECT * FROM submission_events WHERE id IN (SELECT id FROM matched)) "

Statement& prepare_scoped(Database& db, const char* sql, std::string_view kind,
                          std::int64_t incident_id) {
    auto& statement = db.prepare(sql);
    statement.bind(1, kind).bind(2, incident_id);
    return statement;
}

Result<void> load_events(Database& db, std::string_view kind, IncidentRecord& record) {
    const auto id = record.incident.id;
    auto& sources = prepare_scoped(db,
                                   REMPART_SUBMISSION_EVENTS
                                   "SELECT ip, network, asn, verdict, COUNT(*), MIN(at_ms), "
                                   "MAX(at_ms) FROM events GROUP BY ip, network, asn, verdict",
                                   kind, id);
    if (auto ok = read_source_rows(sources, record.sources); !ok) return ok;

    auto& minutes = prepare_scoped(db,
                                   REMPART_SUBMISSION_EVENTS
                                   "SELECT (at_ms / 60000) * 60000 AS minute, verdict, COUNT(*) "
                                   "FROM events GROUP BY minute, verdict",
                                   kind, id);
    if (auto ok = read_minute_rows(minutes, record.minutes); !ok) return ok;

    auto& agents = prepare_scoped(
        db,
        REMPART_SUBMISSION_EVENTS
        "SELECT user_agent, COUNT(*), MIN(at_ms), MAX(at_ms) FROM events GROUP BY user_agent",
        kind, id);
    return read_user_agent_rows(agents, record.user_agents);
}

// The items set aside, as the record's samples: state, then the earliest few.
Result<void> load_items(Database& db, bool proposals, IncidentRecord& record) {
    auto& states = db.prepare(
        proposals
            ? "SELECT CASE WHEN s.set_aside = 1 AND s.decided_at IS NULL THEN 'set_aside' WHEN "
              "p.state = 'pending' THEN 'waiting' ELSE p.state END AS item_state, COUNT(*) FROM "
              "submissions s JOIN petitions p ON p.id = s.petition_id JOIN incident_clusters c ON "
              "c.id = s.set_aside_by WHERE c.incident_id = ?1 GROUP BY item_state"
            : "SELECT CASE WHEN r.set_aside = 1 AND r.handled_at IS NULL THEN 'set_aside' WHEN "
              "r.handled_at IS NULL THEN 'open' ELSE 'closed' END AS item_state, COUNT(*) FROM "
              "petition_reports r JOIN incident_clusters c ON c.id = r.set_aside_by WHERE "
              "c.incident_id = ?1 GROUP BY item_state");
    states.bind(1, record.incident.id);
    while (states.step()) record.signatures_by_state[states.column_text(0)] = states.column_int(1);
    if (auto ok = states.status(); !ok) return ok;
    states.reset();

    auto& samples = db.prepare(
        proposals
            ? "SELECT s.petition_id, s.author_name, s.author_email, COALESCE(e.email_domain, ''), "
              "NULL, p.title, CASE WHEN s.set_aside = 1 AND s.decided_at IS NULL THEN 'set_aside' "
              "WHEN "
              "p.state = 'pending' THEN 'waiting' ELSE p.state END, s.proposed_at, "
              "s.confirmed_at, COALESCE(e.ip, '') FROM submissions s JOIN petitions p ON p.id = "
              "s.petition_id JOIN incident_clusters c ON c.id = s.set_aside_by LEFT JOIN "
              "submission_events e ON e.kind = 'proposal' AND e.petition_id = s.petition_id "
              "WHERE c.incident_id = ?1 ORDER BY s.proposed_at, s.petition_id LIMIT ?2"
            : "SELECT r.id, '', '', '', NULL, r.reason, CASE WHEN r.set_aside = 1 AND r.handled_at "
              "IS "
              "NULL THEN 'set_aside' WHEN r.handled_at IS NULL THEN 'open' ELSE 'closed' END, "
              "r.at, NULL, COALESCE(e.ip, '') FROM petition_reports r JOIN incident_clusters c "
              "ON c.id = r.set_aside_by LEFT JOIN submission_events e ON e.kind = 'report' AND "
              "e.report_id = r.id WHERE c.incident_id = ?1 ORDER BY r.at, r.id LIMIT ?2");
    samples.bind(1, record.incident.id).bind(2, static_cast<std::int64_t>(sample_limit));
    return read_sample_rows(samples, record.samples);
}

}  // namespace

Result<void> load_submission_evidence(Database& db, IncidentRecord& record) {
    const bool proposals = record.incident.subject == Subject::proposals;
    if (auto ok = load_events(db, proposals ? "proposal" : "report", record); !ok) return ok;
    if (auto ok = load_items(db, proposals, record); !ok) return ok;
    // Names and titles are keyed hashes in the events: the first item set aside says what
    // a name or a comment cluster stood for.
    for (auto& shown : record.clusters) {
        shown.example.clear();
        const auto dimension = shown.cluster.dimension;
        if (!is_hashed(dimension) || record.samples.empty()) continue;
        shown.example = dimension == Dimension::name ? record.samples.front().name
                                                     : record.samples.front().comment;
    }
    return {};
}

}  // namespace rempart::store
