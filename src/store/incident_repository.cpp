// Incidents in the store: opened with the quarantine of their signatures, and their actions.
#include "store/incident_repository.hpp"

#include <charconv>

namespace rempart::store {
namespace {

// One fixed statement per searchable key: no SQL is built from a value.
const char* quarantine_sql(std::string_view dimension) {
#define REMPART_QUARANTINE_BY(column)                                                          \
    "UPDATE signatures SET state = 'quarantined' WHERE state IN ('pending', 'confirmed') "    \
    "AND id IN (SELECT signature_id FROM signing_events WHERE petition_id = ?1 AND " column  \
    " = ?2 AND at_ms >= ?3 AND signature_id IS NOT NULL)"
    if (dimension == "name") return REMPART_QUARANTINE_BY("name_key");
    if (dimension == "comment") return REMPART_QUARANTINE_BY("comment_key");
    if (dimension == "email_domain") return REMPART_QUARANTINE_BY("email_domain");
    if (dimension == "network") return REMPART_QUARANTINE_BY("network");
    if (dimension == "as") return REMPART_QUARANTINE_BY("asn");
    if (dimension == "user_agent") return REMPART_QUARANTINE_BY("user_agent");
#undef REMPART_QUARANTINE_BY
    return nullptr;
}

}  // namespace

Result<OpenedIncident> open_incident(Database& db, const NewIncident& incident,
                                     std::int64_t since_ms) {
    const char* sql = quarantine_sql(incident.dimension);
    if (sql == nullptr)
        return make_error("incident.unknown_dimension",
                          "no signatures can be searched by " + incident.dimension);
    auto& insert = db.prepare(
        "INSERT INTO incidents (petition_id, state, dimension, key_value, attempts_in_window, "
        "window_total, distinct_networks, first_attempt_ms, opened_ms) VALUES (?1, 'open', ?2, "
        "?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, incident.petition_id).bind(2, incident.dimension).bind(3, incident.key_value);
    insert.bind(4, incident.attempts_in_window).bind(5, incident.window_total);
    insert.bind(6, incident.distinct_networks).bind(7, incident.first_attempt_ms);
    insert.bind(8, incident.opened_ms);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    OpenedIncident opened;
    opened.id = db.last_insert_id();

    auto& quarantine = db.prepare(sql);
    quarantine.bind(1, incident.petition_id);
    if (incident.dimension == "as") {
        // The events keep the AS as a number; the detector as "as:<number>".
        std::int64_t number = 0;
        const std::string_view text = std::string_view(incident.key_value).substr(3);
        std::from_chars(text.data(), text.data() + text.size(), number);
        quarantine.bind(2, number);
    } else {
        quarantine.bind(2, incident.key_value);
    }
    quarantine.bind(3, since_ms);
    if (auto done = quarantine.run(); !done) return done.error();
    opened.quarantined = sqlite3_changes(db.handle());

    auto& update = db.prepare("UPDATE incidents SET quarantined = ?1 WHERE id = ?2");
    update.bind(1, opened.quarantined).bind(2, opened.id);
    if (auto updated = update.run(); !updated) return updated.error();
    return opened;
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

}  // namespace rempart::store
