// Back-office roles and what each may do: an admin may do everything a moderator may.
#pragma once

#include <optional>
#include <string_view>

namespace rempart::accounts {

// Ordered by power: a higher role holds every right of the lower ones.
enum class Role { moderator = 1, admin = 2 };

std::string_view to_string(Role role);
// "admin" or "moderator", exactly; anything else is none.
std::optional<Role> parse_role(std::string_view text);

// True when `held` may do what `minimum` may.
bool role_allows(Role held, Role minimum);

// What the back office lets people do, and the least role for each.
enum class Action {
    view_incidents,    // read incidents, evidence and the audit log
    act_on_incidents,  // invalidate or release quarantined signatures
    manage_users,      // list accounts; later add, disable, reset them from the web
};
Role minimum_role(Action action);
bool may(Role held, Action action);

}  // namespace rempart::accounts
