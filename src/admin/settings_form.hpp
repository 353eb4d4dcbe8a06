// The site settings form of the back office, read and checked: the values as typed, kept for
// showing again, and the settings they make, each error beside its field. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "web/live_settings.hpp"

namespace rempart::admin {

struct SettingsFieldError {
    std::string field;   // the form's name: "site_name", "mail_from"...
    std::string key;     // its message in locales/
    std::string detail;  // what to name after the message (the address at fault), or empty
};

struct SettingsFormCheck {
    web::EditableSettings settings;  // cleaned; usable only when there are no errors
    std::vector<std::pair<std::string, std::string>> typed;  // field -> as typed
    std::vector<SettingsFieldError> errors;                  // in the form's order
};

// `current`: the settings now, which fields the form did not send keep.
SettingsFormCheck check_settings_form(const std::vector<std::pair<std::string, std::string>>& form,
                                      web::EditableSettings current);

// One setting a save changes, named as the store names it, before and after as text.
struct SettingChange {
    std::string name;
    std::string before;
    std::string after;
};
std::vector<SettingChange> changed_settings(const web::EditableSettings& before,
                                            const web::EditableSettings& after);

// "site.name: « Rempart » → « Les Amis du parc »; ...": for the audit log.
std::string describe_changes(const std::vector<SettingChange>& changes);

}  // namespace rempart::admin
