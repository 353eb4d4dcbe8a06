// The settings an admin changes from the back office while the site runs.
#include "web/live_settings.hpp"

#include <algorithm>

namespace rempart::web {
namespace {

// Each field is a member of the settings: one pair of plain functions per member, so that the
// table stays a constant.
#define REMPART_TEXT_FIELD(NAME, FIELD, PART, MEMBER)                                       \
    EditableField {                                                                         \
        NAME, FIELD, [](const EditableSettings& s) { return s.PART.MEMBER; },               \
            [](EditableSettings& s, std::string_view v) { s.PART.MEMBER = std::string(v); } \
    }

const EditableField fields[] = {
    REMPART_TEXT_FIELD("site.name", "site_name", site, name),
    REMPART_TEXT_FIELD("site.controller", "controller", site, controller),
    REMPART_TEXT_FIELD("site.contact_email", "contact_email", site, contact_email),
    REMPART_TEXT_FIELD("site.postal_address", "postal_address", site, postal_address),
    REMPART_TEXT_FIELD("site.hosting_provider", "hosting_provider", site, hosting_provider),
    REMPART_TEXT_FIELD("site.default_language", "default_language", site, default_language),
    REMPART_TEXT_FIELD("mail.from", "mail_from", mail, from),
    EditableField{"mail.admin_alerts_to", "admin_alerts_to",
                  [](const EditableSettings& s) { return join_addresses(s.mail.admin_alerts_to); },
                  [](EditableSettings& s, std::string_view v) {
                      s.mail.admin_alerts_to = split_addresses(v);
                  }},
    EditableField{
        "submissions.open", "submissions_open",
        [](const EditableSettings& s) {
            return std::string(s.submissions_open ? "true" : "false");
        },
        [](EditableSettings& s, std::string_view v) { s.submissions_open = v == "true"; }},
};

#undef REMPART_TEXT_FIELD

}  // namespace

std::span<const EditableField> editable_fields() {
    return fields;
}

const EditableField* find_editable_field(std::string_view name) {
    const auto it = std::find_if(std::begin(fields), std::end(fields),
                                 [name](const EditableField& f) { return f.name == name; });
    return it == std::end(fields) ? nullptr : &*it;
}

std::string join_addresses(const std::vector<std::string>& addresses) {
    std::string text;
    for (const auto& address : addresses) {
        if (!text.empty()) text += ", ";
        text += address;
    }
    return text;
}

std::vector<std::string> split_addresses(std::string_view text) {
    std::vector<std::string> addresses;
    std::string current;
    for (const char c : text) {
        if (c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (!current.empty()) addresses.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) addresses.push_back(std::move(current));
    return addresses;
}

EditableSettings with_stored(EditableSettings settings,
                             const std::vector<std::pair<std::string, std::string>>& stored) {
    for (const auto& [name, value] : stored)
        if (const auto* field = find_editable_field(name)) field->write(settings, value);
    return settings;
}

}  // namespace rempart::web
