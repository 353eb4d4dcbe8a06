// Back-office sessions in the store: opened at login, found per request, ended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"
#include "store/user_repository.hpp"

namespace rempart::store {

struct NewSession {
    std::string token_hash;  // accounts::session_token_hash of the cookie
    std::int64_t user_id = 0;
    std::string csrf_token;
    std::int64_t created_ms = 0;
    std::int64_t expires_ms = 0;
    std::string ip;
};

// A session with its account, as one request needs them.
struct SessionOfUser {
    std::string token_hash;
    std::string csrf_token;
    std::int64_t created_ms = 0;
    std::int64_t last_seen_ms = 0;
    std::int64_t expires_ms = 0;
    User user;
};

Result<void> insert_session(Database& db, const NewSession& session);
std::optional<SessionOfUser> find_session(Database& db, std::string_view token_hash);
Result<void> touch_session(Database& db, std::string_view token_hash, std::int64_t now_ms);
Result<void> delete_session(Database& db, std::string_view token_hash);
// Ends every session of the account (a new password, a reset): how many ended.
Result<std::int64_t> delete_user_sessions(Database& db, std::int64_t user_id);
// Past their absolute end, or idle since before `idle_before_ms`.
Result<std::int64_t> delete_stale_sessions(Database& db, std::int64_t now_ms,
                                           std::int64_t idle_before_ms);

}  // namespace rempart::store
