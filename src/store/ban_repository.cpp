// Bans in the store: one list of columns and one reading of a row.
#include "store/ban_repository.hpp"

#include "defence/model/errors.hpp"

namespace rempart::store {
namespace {

using defence::Ban;

constexpr const char* ban_columns =
    "SELECT id, incident_id, kind, value, from_ms, until_ms, lifted_ms, reason FROM bans ";

Ban read_ban(const Statement& row) {
    Ban ban;
    ban.id = row.column_int(0);
    ban.incident_id = row.column_optional_int(1);
    // The table's CHECK keeps the kinds the enum has.
    ban.kind = defence::parse_ban_kind(row.column_text(2)).value_or(defence::BanKind::network);
    ban.value = row.column_text(3);
    ban.from_ms = row.column_int(4);
    ban.until_ms = row.column_int(5);
    ban.lifted_ms = row.column_optional_int(6);
    ban.reason = row.column_text(7);
    return ban;
}

// The rows read before a failure, if any, and the failure.
std::vector<Ban> read_all(Statement& select, Result<void>& status) {
    std::vector<Ban> bans;
    while (select.step()) bans.push_back(read_ban(select));
    status = select.status();
    select.reset();
    return bans;
}

}  // namespace

Result<std::int64_t> record_ban(Database& db, const Ban& ban) {
    auto& insert = db.prepare(
        "INSERT INTO bans (incident_id, kind, value, from_ms, until_ms, reason) VALUES "
        "(?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, ban.incident_id).bind(2, to_string(ban.kind)).bind(3, ban.value);
    insert.bind(4, ban.from_ms).bind(5, ban.until_ms).bind(6, ban.reason);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

Result<Ban> lift_ban(Database& db, std::int64_t ban_id, std::int64_t at_ms) {
    auto& select = db.prepare(std::string(ban_columns) + "WHERE id = ?1");
    select.bind(1, ban_id);
    if (!select.step()) {
        select.reset();
        return make_error(defence::DefenceError::ban_not_found, "no ban " + std::to_string(ban_id));
    }
    auto ban = read_ban(select);
    select.reset();
    if (ban.lifted_ms || ban.until_ms <= at_ms)
        return make_error(defence::DefenceError::ban_over, "this ban had already ended");
    auto& lift = db.prepare("UPDATE bans SET lifted_ms = ?2 WHERE id = ?1");
    lift.bind(1, ban_id).bind(2, at_ms);
    if (auto lifted = lift.run(); !lifted) return lifted.error();
    ban.lifted_ms = at_ms;
    return ban;
}

std::vector<Ban> active_bans(Database& db, std::int64_t now_ms) {
    auto& select =
        db.prepare(std::string(ban_columns) + "WHERE lifted_ms IS NULL AND until_ms > ?1 ORDER BY id");
    select.bind(1, now_ms);
    Result<void> status;
    return read_all(select, status);
}

Result<std::vector<Ban>> incident_bans(Database& db, std::int64_t incident_id) {
    auto& select = db.prepare(std::string(ban_columns) + "WHERE incident_id = ?1 ORDER BY id");
    select.bind(1, incident_id);
    Result<void> status;
    auto bans = read_all(select, status);
    if (!status) return status.error();
    return bans;
}

}  // namespace rempart::store
