// Back-office roles and what each may do.
#include "accounts/role.hpp"

namespace rempart::accounts {

std::string_view to_string(Role role) {
    return role == Role::admin ? "admin" : "moderator";
}

std::optional<Role> parse_role(std::string_view text) {
    if (text == "admin") return Role::admin;
    if (text == "moderator") return Role::moderator;
    return std::nullopt;
}

bool role_allows(Role held, Role minimum) {
    return static_cast<int>(held) >= static_cast<int>(minimum);
}

Role minimum_role(Action action) {
    switch (action) {
        case Action::view_incidents:
        case Action::act_on_incidents:
            return Role::moderator;
        case Action::manage_users:
            return Role::admin;
    }
    return Role::admin;  // an action added without a rule is the admin's until decided
}

bool may(Role held, Action action) {
    return role_allows(held, minimum_role(action));
}

}  // namespace rempart::accounts
