// Proposals and reports the defence sets aside, and a moderator's word on them.
#include "store/submission_holds.hpp"

#include "store/event_keys.hpp"

namespace rempart::store {
namespace {

using defence::Dimension;
using defence::Subject;

bool is_proposal(Subject subject) {
    return subject == Subject::proposals;
}

// One statement per searchable key, as for signatures: no SQL is built from a value. Empty
// for a key submissions do not carry (confirmations).
std::string set_aside_sql(Subject subject, Dimension dimension) {
    const auto key = event_key(dimension);
    if (!key || !key->condition.empty()) return {};
    const std::string matching = std::string("FROM submission_events e WHERE e.kind = ?4 AND e.") +
                                 std::string(key->column) + " = ?2 AND e.at_ms >= ?3";
    if (is_proposal(subject))
        return "UPDATE submissions SET set_aside_by = ?1, set_aside = 1 WHERE set_aside = 0 AND "
               "decided_at IS NULL AND petition_id IN (SELECT e.petition_id " +
               matching + ")";
    return "UPDATE petition_reports SET set_aside_by = ?1, set_aside = 1 WHERE set_aside = 0 AND "
           "handled_at IS NULL AND id IN (SELECT e.report_id " +
           matching + ")";
}

std::string_view event_kind(Subject subject) {
    return is_proposal(subject) ? "proposal" : "report";
}

// What became of a proposal or a report set aside, as the pages and the evidence name it.
constexpr std::string_view proposal_state =
    "CASE WHEN s.set_aside = 1 AND s.decided_at IS NULL THEN 'set_aside' WHEN p.state = "
    "'pending' THEN 'waiting' ELSE p.state END";
constexpr std::string_view report_state =
    "CASE WHEN r.set_aside = 1 AND r.handled_at IS NULL THEN 'set_aside' WHEN r.handled_at IS "
    "NULL THEN 'open' ELSE 'closed' END";

}  // namespace

Result<std::int64_t> set_aside_submissions(Database& db, std::int64_t cluster_id, Subject subject,
                                           Dimension dimension, std::string_view key_value,
                                           std::int64_t since_ms) {
    if (subject == Subject::signatures) return std::int64_t{0};
    const auto sql = set_aside_sql(subject, dimension);
    if (sql.empty()) return std::int64_t{0};
    auto& update = db.prepare(sql);
    update.bind(1, cluster_id);
    bind_event_key(update, 2, dimension, key_value);
    update.bind(3, since_ms).bind(4, event_kind(subject));
    if (auto done = update.run(); !done) return done.error();
    return db.changes();
}

Result<bool> set_aside_new_submission(Database& db, const signatures::SigningEvent& event,
                                      std::int64_t now_ms) {
    using Kind = signatures::SigningEvent::Kind;
    if (event.kind != Kind::proposal && event.kind != Kind::report) return false;
    const auto subject = event.kind == Kind::proposal ? Subject::proposals : Subject::reports;
    const auto item = event.kind == Kind::proposal ? event.petition_id : event.report_id;
    if (!item) return false;
    auto& find = db.prepare(
        "SELECT c.id FROM incident_clusters c JOIN incidents i ON i.id = c.incident_id WHERE "
        "i.subject = ?1 AND c.state != 'released' AND c.held_until_ms > ?2 AND ("
        "(c.dimension = 'name' AND c.key_value = ?3) OR "
        "(c.dimension = 'comment' AND c.key_value = ?4) OR "
        "(c.dimension = 'email_domain' AND c.key_value = ?5) OR "
        "(c.dimension = 'network' AND c.key_value = ?6) OR "
        "(c.dimension = 'as' AND c.key_value = ?7) OR "
        "(c.dimension = 'user_agent' AND c.key_value = ?8) OR "
        "(c.dimension = 'automation' AND c.key_value = ?9)) ORDER BY c.id LIMIT 1");
    find.bind(1, to_string(subject)).bind(2, now_ms);
    find.bind(3, event.name_key).bind(4, event.comment_key).bind(5, event.email_domain);
    find.bind(6, event.network);
    find.bind(7, event.asn ? "as:" + std::to_string(*event.asn) : std::string());
    find.bind(8, event.user_agent).bind(9, event.automation);
    const auto cluster = find.step() ? find.column_optional_int(0) : std::nullopt;
    auto status = find.status();
    find.reset();
    if (!status) return status.error();
    if (!cluster) return false;
    auto& update = db.prepare(
        is_proposal(subject)
            ? "UPDATE submissions SET set_aside_by = ?1, set_aside = 1 WHERE petition_id = ?2"
            : "UPDATE petition_reports SET set_aside_by = ?1, set_aside = 1 WHERE id = ?2");
    update.bind(1, *cluster).bind(2, *item);
    if (auto done = update.run(); !done) return done.error();
    return db.changes() > 0;
}

Result<std::int64_t> decide_set_aside(Database& db, const defence::Cluster& cluster,
                                      defence::ClusterDecision decision, std::int64_t at_ms) {
    if (cluster.subject == Subject::signatures) return std::int64_t{0};
    const bool proposals = is_proposal(cluster.subject);
    const auto at = at_ms / 1000;
    if (decision == defence::ClusterDecision::release) {
        auto& release = db.prepare(
            proposals ? "UPDATE submissions SET set_aside = 0 WHERE set_aside_by = ?1 AND "
                        "set_aside = 1 AND decided_at IS NULL"
                      : "UPDATE petition_reports SET set_aside = 0 WHERE set_aside_by = ?1 AND "
                        "set_aside = 1 AND handled_at IS NULL");
        release.bind(1, cluster.id);
        if (auto done = release.run(); !done) return done.error();
        return db.changes();
    }
    if (!proposals) {
        auto& close = db.prepare(
            "UPDATE petition_reports SET handled_at = ?2 WHERE set_aside_by = ?1 AND "
            "set_aside = 1 AND handled_at IS NULL");
        close.bind(1, cluster.id).bind(2, at);
        if (auto done = close.run(); !done) return done.error();
        return db.changes();
    }
    auto& petitions = db.prepare(
        "UPDATE petitions SET state = 'rejected', updated_at = ?2 WHERE state = 'pending' AND id "
        "IN (SELECT petition_id FROM submissions WHERE set_aside_by = ?1 AND set_aside = 1 AND "
        "decided_at IS NULL)");
    petitions.bind(1, cluster.id).bind(2, at);
    if (auto done = petitions.run(); !done) return done.error();
    auto& rejected = db.prepare(
        "UPDATE submissions SET decided_at = ?2, reason_id = (SELECT id FROM rejection_reasons "
        "WHERE code = 'abuse'), held_by = NULL, held_until = NULL WHERE set_aside_by = ?1 AND "
        "set_aside = 1 AND decided_at IS NULL");
    rejected.bind(1, cluster.id).bind(2, at);
    if (auto done = rejected.run(); !done) return done.error();
    return db.changes();
}

SetAsideCounts count_set_aside(Database& db) {
    auto& select = db.prepare(
        // `set_aside_by IS NOT NULL` reads the few rows the defence ever held, in their index.
        "SELECT (SELECT COUNT(*) FROM submissions WHERE set_aside_by IS NOT NULL AND set_aside = 1 "
        "AND decided_at IS NULL), (SELECT COUNT(*) FROM petition_reports WHERE set_aside_by IS "
        "NOT NULL AND set_aside = 1 AND handled_at IS NULL)");
    SetAsideCounts counts;
    if (select.step()) counts = {select.column_int(0), select.column_int(1)};
    select.reset();
    return counts;
}

SetAsideStates set_aside_states(Database& db, const defence::Cluster& cluster) {
    SetAsideStates states;
    if (cluster.subject == Subject::signatures) return states;
    auto& select = db.prepare(
        is_proposal(cluster.subject)
            ? "SELECT COALESCE(SUM(set_aside = 1 AND decided_at IS NULL), 0), "
              "COALESCE(SUM(set_aside = 1 AND decided_at IS NOT NULL), 0), "
              "COALESCE(SUM(set_aside = 0), 0) FROM submissions WHERE set_aside_by = ?1"
            : "SELECT COALESCE(SUM(set_aside = 1 AND handled_at IS NULL), 0), "
              "COALESCE(SUM(set_aside = 1 AND handled_at IS NOT NULL), 0), "
              "COALESCE(SUM(set_aside = 0), 0) FROM petition_reports WHERE set_aside_by = ?1");
    select.bind(1, cluster.id);
    if (select.step()) states = {select.column_int(0), select.column_int(1), select.column_int(2)};
    select.reset();
    return states;
}

std::vector<SetAsideItem> set_aside_items(Database& db, Subject subject, ItemScope scope,
                                          std::int64_t id, std::size_t limit) {
    std::vector<SetAsideItem> items;
    if (subject == Subject::signatures) return items;
    const std::string whose =
        scope == ItemScope::cluster ? "WHERE c.id = ?1 " : "WHERE c.incident_id = ?1 ";
    // The address is the event's: the proposal and the report keep none of their own.
    auto& select = db.prepare(
        is_proposal(subject)
            ? "SELECT s.petition_id, s.proposed_at, s.author_name, s.author_email, "
              "COALESCE(e.email_domain, ''), p.title, p.slug, " +
                  std::string(proposal_state) +
                  ", s.confirmed_at, COALESCE(e.ip, '') FROM submissions s JOIN petitions p ON "
                  "p.id = s.petition_id JOIN incident_clusters c ON c.id = s.set_aside_by LEFT "
                  "JOIN submission_events e ON e.kind = 'proposal' AND e.petition_id = "
                  "s.petition_id " +
                  whose + "ORDER BY s.proposed_at, s.petition_id LIMIT ?2"
            : "SELECT r.id, r.at, '', '', '', r.reason, p.slug, " + std::string(report_state) +
                  ", NULL, COALESCE(e.ip, '') FROM petition_reports r JOIN petitions p ON p.id = "
                  "r.petition_id JOIN incident_clusters c ON c.id = r.set_aside_by LEFT JOIN "
                  "submission_events e ON e.kind = 'report' AND e.report_id = r.id " +
                  whose + "ORDER BY r.at, r.id LIMIT ?2");
    select.bind(1, id).bind(2, static_cast<std::int64_t>(limit));
    while (select.step())
        items.push_back({select.column_int(0), select.column_int(1), select.column_text(2),
                         select.column_text(3), select.column_text(4), select.column_text(5),
                         select.column_text(6), select.column_text(7),
                         select.column_optional_int(8), select.column_text(9)});
    select.reset();
    return items;
}

std::map<std::string, std::int64_t> set_aside_items_by_state(Database& db, Subject subject,
                                                             std::int64_t incident_id) {
    std::map<std::string, std::int64_t> states;
    if (subject == Subject::signatures) return states;
    auto& select = db.prepare(
        is_proposal(subject)
            ? "SELECT " + std::string(proposal_state) +
                  " AS item_state, COUNT(*) FROM submissions s JOIN petitions p ON p.id = "
                  "s.petition_id JOIN incident_clusters c ON c.id = s.set_aside_by WHERE "
                  "c.incident_id = ?1 GROUP BY item_state"
            : "SELECT " + std::string(report_state) +
                  " AS item_state, COUNT(*) FROM petition_reports r JOIN incident_clusters c ON "
                  "c.id = r.set_aside_by WHERE c.incident_id = ?1 GROUP BY item_state");
    select.bind(1, incident_id);
    while (select.step()) states[select.column_text(0)] = select.column_int(1);
    select.reset();
    return states;
}

}  // namespace rempart::store
