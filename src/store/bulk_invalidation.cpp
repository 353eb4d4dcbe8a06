// Invalidating by hand a petition's signatures from one source or time range.
#include "store/bulk_invalidation.hpp"

#include <charconv>

namespace rempart::store {
namespace {

// One fixed condition per kind: no SQL is built from a value.
const char* condition(FilterKind kind) {
    switch (kind) {
        case FilterKind::ip:
            return "s.ip = ?4";
        case FilterKind::network:
            return "s.id IN (SELECT signature_id FROM signing_events WHERE petition_id = ?1 AND "
                   "kind = 'attempt' AND network = ?4 AND signature_id IS NOT NULL)";
        case FilterKind::as:
            return "s.id IN (SELECT signature_id FROM signing_events WHERE petition_id = ?1 AND "
                   "kind = 'attempt' AND asn = ?4 AND signature_id IS NOT NULL)";
        case FilterKind::email_domain:
            return "s.email_domain = ?4";
        case FilterKind::name:
            return "s.name_normalised = ?4";
        case FilterKind::time_range:
            return "?4 IS NOT NULL";
    }
    return "0";
}

std::string where(FilterKind kind) {
    return std::string(
               "WHERE s.petition_id = ?1 AND s.state IN ('pending', 'confirmed', "
               "'quarantined') AND s.created_at BETWEEN ?2 AND ?3 AND ") +
           condition(kind);
}

void bind(Statement& statement, const SignatureFilter& filter) {
    statement.bind(1, filter.petition_id).bind(2, filter.from_s).bind(3, filter.to_s);
    if (filter.kind == FilterKind::as) {
        std::int64_t number = -1;
        std::from_chars(filter.value.data(), filter.value.data() + filter.value.size(), number);
        statement.bind(4, number);
    } else {
        statement.bind(4, filter.value);
    }
}

}  // namespace

std::string_view to_string(FilterKind kind) {
    switch (kind) {
        case FilterKind::ip:
            return "ip";
        case FilterKind::network:
            return "network";
        case FilterKind::as:
            return "as";
        case FilterKind::email_domain:
            return "email_domain";
        case FilterKind::name:
            return "name";
        case FilterKind::time_range:
            return "time_range";
    }
    return "";
}

std::int64_t count_matching(Database& db, const SignatureFilter& filter) {
    auto& select = db.prepare("SELECT COUNT(*) FROM signatures s " + where(filter.kind));
    bind(select, filter);
    const auto count = select.step() ? select.column_int(0) : 0;
    select.reset();
    return count;
}

Result<std::int64_t> invalidate_matching(Database& db, const SignatureFilter& filter,
                                         std::int64_t at_ms) {
    // Recorded first: once invalidated they no longer match the filter.
    auto& record = db.prepare(
        "INSERT OR IGNORE INTO hand_invalidations (signature_id, at_ms) SELECT s.id, ?5 FROM "
        "signatures s " +
        where(filter.kind));
    bind(record, filter);
    record.bind(5, at_ms);
    if (auto recorded = record.run(); !recorded) return recorded.error();
    auto& update = db.prepare(
        "UPDATE signatures SET state = 'invalidated' WHERE id IN (SELECT s.id FROM signatures s " +
        where(filter.kind) + ")");
    bind(update, filter);
    if (auto done = update.run(); !done) return done.error();
    return db.changes();
}

}  // namespace rempart::store
