// Back-office accounts in the store.
#include "store/user_repository.hpp"

#include "accounts/errors.hpp"
#include "store/errors.hpp"

namespace rempart::store {
namespace {

constexpr std::string_view user_columns =
    "id, email, role, password_hash, must_change_password, totp_secret, totp_last_step, "
    "created_ms, disabled_ms";

User read_user(Statement& row) {
    User user;
    user.id = row.column_int(0);
    user.email = row.column_text(1);
    // The table's CHECK allows only the two names.
    user.role = accounts::parse_role(row.column_text(2)).value_or(accounts::Role::moderator);
    user.password_hash = row.column_text(3);
    user.must_change_password = row.column_int(4) != 0;
    if (!row.column_is_null(5)) user.totp_secret = row.column_text(5);
    user.totp_last_step = row.column_optional_int(6);
    user.created_ms = row.column_int(7);
    user.disabled_ms = row.column_optional_int(8);
    return user;
}

Result<void> changed_one(Database& db, Result<void> ran, std::int64_t user_id) {
    if (!ran) return ran;
    if (db.changes() == 0)
        return make_error(accounts::AccountError::user_not_found,
                          "no account has id " + std::to_string(user_id));
    return {};
}

}  // namespace

Result<User> insert_user(Database& db, std::string_view email, accounts::Role role,
                         std::string_view password_hash, bool must_change_password,
                         std::int64_t now_ms) {
    auto& insert = db.prepare(
        "INSERT INTO users (email, role, password_hash, must_change_password, created_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, email).bind(2, accounts::to_string(role)).bind(3, password_hash);
    insert.bind(4, std::int64_t{must_change_password ? 1 : 0}).bind(5, now_ms);
    if (auto inserted = insert.run(); !inserted) {
        if (inserted.error().code == StoreError::duplicate)
            return make_error(
                accounts::AccountError::email_taken,
                "an account with the e-mail " + std::string(email) + " already exists");
        return inserted.error();
    }
    User user;
    user.id = db.last_insert_id();
    user.email = std::string(email);
    user.role = role;
    user.password_hash = std::string(password_hash);
    user.must_change_password = must_change_password;
    user.created_ms = now_ms;
    return user;
}

std::optional<User> find_user_by_email(Database& db, std::string_view email) {
    auto& select =
        db.prepare("SELECT " + std::string(user_columns) + " FROM users WHERE email = ?1");
    select.bind(1, email);
    if (!select.step()) return std::nullopt;
    auto user = read_user(select);
    select.reset();
    return user;
}

std::optional<User> find_user(Database& db, std::int64_t id) {
    auto& select = db.prepare("SELECT " + std::string(user_columns) + " FROM users WHERE id = ?1");
    select.bind(1, id);
    if (!select.step()) return std::nullopt;
    auto user = read_user(select);
    select.reset();
    return user;
}

std::vector<User> list_users(Database& db) {
    auto& select = db.prepare("SELECT " + std::string(user_columns) + " FROM users ORDER BY email");
    std::vector<User> users;
    while (select.step()) users.push_back(read_user(select));
    return users;
}

Result<void> set_password(Database& db, std::int64_t user_id, std::string_view password_hash,
                          bool must_change_password) {
    auto& update =
        db.prepare("UPDATE users SET password_hash = ?1, must_change_password = ?2 WHERE id = ?3");
    update.bind(1, password_hash).bind(2, std::int64_t{must_change_password ? 1 : 0});
    update.bind(3, user_id);
    return changed_one(db, update.run(), user_id);
}

Result<void> set_totp_secret(Database& db, std::int64_t user_id, std::string_view secret) {
    auto& update =
        db.prepare("UPDATE users SET totp_secret = ?1, totp_last_step = NULL WHERE id = ?2");
    update.bind(1, secret).bind(2, user_id);
    return changed_one(db, update.run(), user_id);
}

Result<bool> use_totp_step(Database& db, std::int64_t user_id, std::int64_t step) {
    auto& update = db.prepare(
        "UPDATE users SET totp_last_step = ?1 WHERE id = ?2 AND (totp_last_step IS NULL OR "
        "totp_last_step < ?1)");
    update.bind(1, step).bind(2, user_id);
    if (auto ran = update.run(); !ran) return ran.error();
    return db.changes() == 1;
}

std::vector<std::string> moderator_addresses(Database& db) {
    auto& select = db.prepare(
        "SELECT email FROM users WHERE role IN ('moderator', 'admin') AND disabled_ms IS NULL "
        "ORDER BY id");
    std::vector<std::string> addresses;
    while (select.step()) addresses.push_back(select.column_text(0));
    select.reset();
    return addresses;
}

}  // namespace rempart::store
