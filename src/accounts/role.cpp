// Back-office roles and what each may do.
#include "accounts/role.hpp"

namespace rempart::accounts {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::admin:
            return "admin";
        case Role::organiser:
            return "organiser";
        case Role::moderator:
            return "moderator";
    }
    return "moderator";
}

std::optional<Role> parse_role(std::string_view text) {
    if (text == "admin") return Role::admin;
    if (text == "moderator") return Role::moderator;
    if (text == "organiser") return Role::organiser;
    return std::nullopt;
}

bool may(Role held, Action action) {
    if (held == Role::admin) return true;
    switch (action) {
        case Action::use_back_office:
        case Action::view_petitions:
            return true;
        case Action::view_incidents:
        case Action::act_on_incidents:
        case Action::moderate_petitions:
            return held == Role::moderator;
        case Action::manage_petitions:
        case Action::export_subscribers:
            return held == Role::organiser;
        case Action::change_shield:
        case Action::manage_users:
        case Action::view_audit:
        case Action::change_settings:
        case Action::hold_signatures:
            return false;
    }
    return false;  // an action added without a rule is the admin's until decided
}

}  // namespace rempart::accounts
