// Back-office sessions in the store.
#include "store/session_repository.hpp"

namespace rempart::store {

Result<void> insert_session(Database& db, const NewSession& session) {
    auto& insert = db.prepare(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_ms, last_seen_ms, "
        "expires_ms, ip) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)");
    insert.bind(1, session.token_hash).bind(2, session.user_id).bind(3, session.csrf_token);
    insert.bind(4, session.created_ms).bind(5, session.expires_ms).bind(6, session.ip);
    return insert.run();
}

std::optional<SessionOfUser> find_session(Database& db, std::string_view token_hash) {
    auto& select = db.prepare(
        "SELECT s.token_hash, s.csrf_token, s.created_ms, s.last_seen_ms, s.expires_ms, u.id, "
        "u.email, u.role, u.password_hash, u.must_change_password, u.totp_secret, "
        "u.totp_last_step, u.created_ms, u.disabled_ms FROM sessions s JOIN users u ON u.id = "
        "s.user_id WHERE s.token_hash = ?1");
    select.bind(1, token_hash);
    if (!select.step()) return std::nullopt;
    SessionOfUser found;
    found.token_hash = select.column_text(0);
    found.csrf_token = select.column_text(1);
    found.created_ms = select.column_int(2);
    found.last_seen_ms = select.column_int(3);
    found.expires_ms = select.column_int(4);
    auto& user = found.user;
    user.id = select.column_int(5);
    user.email = select.column_text(6);
    user.role = accounts::parse_role(select.column_text(7)).value_or(accounts::Role::moderator);
    user.password_hash = select.column_text(8);
    user.must_change_password = select.column_int(9) != 0;
    if (!select.column_is_null(10)) user.totp_secret = select.column_text(10);
    user.totp_last_step = select.column_optional_int(11);
    user.created_ms = select.column_int(12);
    user.disabled_ms = select.column_optional_int(13);
    select.reset();
    return found;
}

Result<void> touch_session(Database& db, std::string_view token_hash, std::int64_t now_ms) {
    auto& update = db.prepare(
        "UPDATE sessions SET last_seen_ms = max(last_seen_ms, ?2) WHERE token_hash = ?1");
    update.bind(1, token_hash).bind(2, now_ms);
    return update.run();
}

Result<void> delete_session(Database& db, std::string_view token_hash) {
    auto& remove = db.prepare("DELETE FROM sessions WHERE token_hash = ?1");
    remove.bind(1, token_hash);
    return remove.run();
}

Result<std::int64_t> delete_user_sessions(Database& db, std::int64_t user_id) {
    auto& remove = db.prepare("DELETE FROM sessions WHERE user_id = ?1");
    remove.bind(1, user_id);
    if (auto ran = remove.run(); !ran) return ran.error();
    return db.changes();
}

Result<std::int64_t> delete_stale_sessions(Database& db, std::int64_t now_ms,
                                           std::int64_t idle_before_ms) {
    auto& remove = db.prepare("DELETE FROM sessions WHERE expires_ms <= ?1 OR last_seen_ms < ?2");
    remove.bind(1, now_ms).bind(2, idle_before_ms);
    if (auto ran = remove.run(); !ran) return ran.error();
    return db.changes();
}

}  // namespace rempart::store
