// The audit log in the store: who did what in the back office or from the command line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct AuditEntry {
    std::int64_t id = 0;  // given by the store
    std::int64_t at_ms = 0;
    std::optional<std::int64_t> user_id;  // the account concerned, when there is one
    accounts::Actor actor;                // who did it: an account, a login attempt, the CLI
    std::string action;                   // login_ok, login_failed, logout, ...
    std::string detail;
    std::string ip;
};

// Write it in the transaction of what it records, so neither exists without the other.
Result<void> insert_audit(Database& db, const AuditEntry& entry);
// Newest first, at most `limit`.
std::vector<AuditEntry> list_audit(Database& db, std::int64_t limit);

}  // namespace rempart::store
