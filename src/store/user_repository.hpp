// Back-office accounts in the store: add, find, list, passwords and second factors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/role.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct User {
    std::int64_t id = 0;
    std::string email;
    accounts::Role role = accounts::Role::moderator;
    std::string password_hash;
    bool must_change_password = true;
    std::optional<std::string> totp_secret;
    std::optional<std::int64_t> totp_last_step;
    std::int64_t created_ms = 0;
    std::optional<std::int64_t> disabled_ms;
};

// `email` must be in its account form already (accounts::account_email). A taken address
// gives AccountError::email_taken.
Result<User> insert_user(Database& db, std::string_view email, accounts::Role role,
                         std::string_view password_hash, bool must_change_password,
                         std::int64_t now_ms);
std::optional<User> find_user_by_email(Database& db, std::string_view email);
std::optional<User> find_user(Database& db, std::int64_t id);
// The addresses of the accounts that moderate (moderators and admins), not disabled.
std::vector<std::string> moderator_addresses(Database& db);
// Every account, by e-mail.
std::vector<User> list_users(Database& db);

// AccountError::user_not_found when no account has this id.
Result<void> set_password(Database& db, std::int64_t user_id, std::string_view password_hash,
                          bool must_change_password);
Result<void> set_totp_secret(Database& db, std::int64_t user_id, std::string_view secret);
// Records that `step` was used, only when it is later than the last one: false when
// another login already used it (two requests racing with one code).
Result<bool> use_totp_step(Database& db, std::int64_t user_id, std::int64_t step);

}  // namespace rempart::store
