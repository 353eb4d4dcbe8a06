// Trusted values in the store.
#include "store/trust_repository.hpp"

#include "defence/model/errors.hpp"

namespace rempart::store {
namespace {

TrustedRow read_row(const Statement& row) {
    TrustedRow trusted;
    trusted.id = row.column_int(0);
    trusted.value.petition_id = row.column_optional_int(1);
    trusted.value.kind =
        defence::parse_trust_kind(row.column_text(2)).value_or(defence::TrustKind::email_domain);
    trusted.value.value = row.column_text(3);
    trusted.note = row.column_text(4);
    trusted.added_ms = row.column_int(5);
    trusted.added_by = row.column_text(6);
    trusted.petition_slug = row.column_text(7);
    return trusted;
}

constexpr const char* trust_columns =
    "SELECT t.id, t.petition_id, t.kind, t.value, t.note, t.added_ms, t.added_by, "
    "COALESCE(p.slug, '') FROM trusted_values t LEFT JOIN petitions p ON p.id = t.petition_id ";

}  // namespace

Result<std::int64_t> add_trusted(Database& db, const defence::TrustedValue& value,
                                 const std::string& note, const std::string& by,
                                 std::int64_t now_ms) {
    auto& exists = db.prepare(
        "SELECT 1 FROM trusted_values WHERE ifnull(petition_id, 0) = ?1 AND kind = ?2 AND "
        "value = ?3");
    exists.bind(1, value.petition_id.value_or(0)).bind(2, defence::to_string(value.kind));
    exists.bind(3, value.value);
    const bool duplicate = exists.step();
    exists.reset();
    if (duplicate)
        return make_error(defence::DefenceError::trust_duplicate,
                          value.value + " is already trusted here");
    auto& insert = db.prepare(
        "INSERT INTO trusted_values (petition_id, kind, value, note, added_ms, added_by) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, value.petition_id).bind(2, defence::to_string(value.kind)).bind(3, value.value);
    insert.bind(4, note).bind(5, now_ms).bind(6, by);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

Result<TrustedRow> remove_trusted(Database& db, std::int64_t id) {
    auto& select = db.prepare(std::string(trust_columns) + "WHERE t.id = ?1");
    select.bind(1, id);
    if (!select.step()) {
        select.reset();
        return make_error(defence::DefenceError::trust_not_found,
                          "no trusted value " + std::to_string(id));
    }
    auto row = read_row(select);
    select.reset();
    auto& remove = db.prepare("DELETE FROM trusted_values WHERE id = ?1");
    remove.bind(1, id);
    if (auto removed = remove.run(); !removed) return removed.error();
    return row;
}

std::vector<TrustedRow> trusted_rows(Database& db) {
    auto& select = db.prepare(std::string(trust_columns) + "ORDER BY t.petition_id IS NOT NULL, t.id");
    std::vector<TrustedRow> rows;
    while (select.step()) rows.push_back(read_row(select));
    select.reset();
    return rows;
}

std::vector<defence::TrustedValue> trusted_values(Database& db) {
    std::vector<defence::TrustedValue> values;
    for (auto& row : trusted_rows(db)) values.push_back(std::move(row.value));
    return values;
}

}  // namespace rempart::store
