// The evidence of an incident about proposals or reports.
#include "store/detail/submission_evidence.hpp"

#include "store/detail/evidence_rows.hpp"
#include "store/submission_holds.hpp"

namespace rempart::store {
namespace {

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

Result<void> load_events(Database& db, std::string_view kind, defence::IncidentRecord& record) {
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

// The items set aside, as the record's samples: by state, then the earliest few.
void load_items(Database& db, defence::IncidentRecord& record) {
    const auto subject = record.incident.subject;
    record.signatures_by_state = set_aside_items_by_state(db, subject, record.incident.id);
    for (auto& item : set_aside_items(db, subject, ItemScope::incident, record.incident.id,
                                      defence::sample_limit)) {
        defence::SignatureSample sample;
        sample.id = item.id;
        sample.name = std::move(item.author);
        sample.email = std::move(item.author_email);
        sample.email_domain = std::move(item.email_domain);
        sample.comment = std::move(item.text);
        sample.state = std::move(item.state);
        sample.created_s = item.at;
        sample.confirmed_s = item.confirmed_at;
        sample.ip = std::move(item.ip);
        record.samples.push_back(std::move(sample));
    }
}

}  // namespace

Result<void> load_submission_evidence(Database& db, defence::IncidentRecord& record) {
    const bool proposals = record.incident.subject == defence::Subject::proposals;
    if (auto ok = load_events(db, proposals ? "proposal" : "report", record); !ok) return ok;
    load_items(db, record);
    // Names and titles are keyed hashes in the events: the first item set aside says what
    // a name or a comment cluster stood for.
    for (auto& shown : record.clusters) {
        shown.example.clear();
        const auto dimension = shown.cluster.dimension;
        if (!defence::is_hashed(dimension) || record.samples.empty()) continue;
        shown.example = dimension == defence::Dimension::name ? record.samples.front().name
                                                              : record.samples.front().comment;
    }
    return {};
}

}  // namespace rempart::store
