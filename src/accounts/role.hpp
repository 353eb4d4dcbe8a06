// Back-office roles and what each may do: rights per action, since an organiser and a
// moderator each hold rights the other lacks.
#pragma once

#include <optional>
#include <string_view>

namespace rempart::accounts {

// An admin may do everything; a moderator looks after the defence and the signatures; an
// organiser runs petitions.
enum class Role { moderator = 1, admin = 2, organiser = 3 };

std::string_view to_string(Role role);
// "admin", "moderator" or "organiser", exactly; anything else is none.
std::optional<Role> parse_role(std::string_view text);

// What the back office lets people do. Each route names the one it needs.
enum class Action {
    use_back_office,     // the home page, one's own password
    view_incidents,      // read incidents, evidence, watches, trusted values and the shield
    act_on_incidents,    // invalidate or release quarantined signatures, trust, lift bans
    change_shield,       // turn the under-attack gate on or off
    view_petitions,      // the list of petitions with their state and counts
    manage_petitions,    // create, edit, publish, close and archive petitions
    manage_users,        // list accounts; later add, disable, reset them from the web
    view_audit,          // read the audit log
    change_settings,     // the site's name, the association's identity, language and mail
    moderate_petitions,  // the queue of proposed petitions: hold, approve, reject, send back
    hold_signatures,     // keep a closed petition's signatures from anonymisation (legal hold)
    export_subscribers,  // the newsletter's subscribers, with their proof, for the mailing tool
};
bool may(Role held, Action action);

}  // namespace rempart::accounts
