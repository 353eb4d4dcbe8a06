// The audit log in the store.
#include "store/audit_repository.hpp"

namespace rempart::store {

Result<void> insert_audit(Database& db, const AuditEntry& entry) {
    auto& insert = db.prepare(
        "INSERT INTO audit_log (at_ms, user_id, actor, action, detail, ip) VALUES (?1, ?2, ?3, "
        "?4, ?5, ?6)");
    insert.bind(1, entry.at_ms).bind(2, entry.user_id).bind(3, entry.actor);
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
        AuditEntry entry;
        entry.id = select.column_int(0);
        entry.at_ms = select.column_int(1);
        entry.user_id = select.column_optional_int(2);
        entry.actor = select.column_text(3);
        entry.action = select.column_text(4);
        entry.detail = select.column_text(5);
        entry.ip = select.column_text(6);
        entries.push_back(std::move(entry));
    }
    return entries;
}

}  // namespace rempart::store
