// The signatures behind a watch. Reads only.
#include "store/watch_signatures.hpp"

#include <string>

#include "store/event_keys.hpp"

namespace rempart::store {

WatchSignatures watch_signatures(Database& db, const defence::Watch& watch, std::size_t limit) {
    WatchSignatures found;
    const auto key = event_key(watch.dimension);
    if (!key) return found;
    // The events that carried the value, as hold_sql in incident_repository finds them.
    auto events = "FROM signing_events e WHERE e.petition_id = ?1 AND e." +
                  std::string(key->column) +
                  " = ?2 AND e.at_ms >= ?3 AND e.signature_id IS "
                  "NOT NULL";
    if (!key->condition.empty()) events += " AND " + std::string(key->condition);

    auto& count = db.prepare("SELECT COUNT(DISTINCT e.signature_id) " + events);
    count.bind(1, watch.petition_id).bind(3, watch.first_attempt_ms);
    bind_event_key(count, 2, watch.dimension, watch.key_value);
    found.total = count.step() ? count.column_int(0) : 0;
    count.reset();

    auto& samples = db.prepare(
        "SELECT s.id, s.created_at, s.name, s.email_domain, s.comment, s.state, s.ip, "
        "COALESCE(s.postcode, '') FROM signatures s WHERE s.id IN (SELECT e.signature_id " +
        events + ") ORDER BY s.created_at, s.id LIMIT ?4");
    samples.bind(1, watch.petition_id).bind(3, watch.first_attempt_ms);
    bind_event_key(samples, 2, watch.dimension, watch.key_value);
    samples.bind(4, static_cast<std::int64_t>(limit));
    while (samples.step())
        found.samples.push_back({samples.column_int(0), samples.column_int(1),
                                 samples.column_text(2), samples.column_text(3),
                                 samples.column_text(4), samples.column_text(5),
                                 samples.column_text(6), samples.column_text(7)});
    samples.reset();
    return found;
}

}  // namespace rempart::store
