// The audit log in the store.
#include "store/audit_repository.hpp"

namespace rempart::store {

Result<void> insert_audit(Database& db, const AuditEntry& entry) {
    auto& insert = db.prepare(
        "INSERT INTO audit_log (at_ms, user_id, actor, action, detail, ip) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6)");
    insert.bind(1, entry.at_ms).bind(2, entry.user_id).bind(3, entry.actor.to_text());
    insert.bind(4, entry.action).bind(5, entry.detail).bind(6, entry.ip);
    return insert.run();
}

std::vector<AuditEntry> list_audit(Database& db, std::int64_t limit) {
    auto& select = db.prepare(
        "SELECT id, at_ms, user_id, actor, action, detail, ip FROM audit_log ORDER BY id DESC "
        "LIMIT ?1");
    select.bind(1, limit);
    std::vector<AuditEntry> entries;
    while (select.step()) {
        const auto actor_text = select.column_text(3);
        // Every row is in the structured form since migration 0009; should one not be, it is
        // shown for what it can only be, something typed.
        auto actor =
            accounts::parse_actor(actor_text).value_or(accounts::Actor::login_attempt(actor_text));
        entries.push_back(AuditEntry{
            select.column_int(0), select.column_int(1), select.column_optional_int(2),
            std::move(actor), select.column_text(4), select.column_text(5), select.column_text(6)});
    }
    return entries;
}

}  // namespace rempart::store
