// Bans in the store: what the defence banned and why, until when, and lifted by whom.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

struct Ban {
    std::int64_t id = 0;
    std::optional<std::int64_t> incident_id;  // none: banned by a moderator
    std::string kind;                         // "network" or "as"
    std::string value;                        // "net:203.0.113.0/24", "as:64500"
    std::int64_t from_ms = 0;
    std::int64_t until_ms = 0;
    std::optional<std::int64_t> lifted_ms;
    std::string reason;
};

// Returns the new ban's id.
Result<std::int64_t> record_ban(Database& db, const Ban& ban);
// DefenceError::ban_not_found; DefenceError::ban_over when it had ended or was lifted already.
Result<Ban> lift_ban(Database& db, std::int64_t ban_id, std::int64_t at_ms);
// Bans in force at `now_ms`, to restore after a restart and to list.
std::vector<Ban> active_bans(Database& db, std::int64_t now_ms);
std::vector<Ban> incident_bans(Database& db, std::int64_t incident_id);

}  // namespace rempart::store
