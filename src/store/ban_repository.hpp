// Bans in the store: what the defence banned and why, until when, and lifted by whom.
#pragma once

#include <cstdint>
#include <vector>

#include "defence/model/ban.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Returns the new ban's id.
Result<std::int64_t> record_ban(Database& db, const defence::Ban& ban);
// DefenceError::ban_not_found; DefenceError::ban_over when it had ended or was lifted already.
Result<defence::Ban> lift_ban(Database& db, std::int64_t ban_id, std::int64_t at_ms);
// Bans in force at `now_ms`, to restore after a restart and to list.
std::vector<defence::Ban> active_bans(Database& db, std::int64_t now_ms);
// The incident's bans, by id: for its page and its evidence.
Result<std::vector<defence::Ban>> incident_bans(Database& db, std::int64_t incident_id);

}  // namespace rempart::store
