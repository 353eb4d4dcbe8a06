// The site settings form of the back office, read and checked.
#include "admin/settings_form.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>

#include "accounts/account_email.hpp"
#include "core/text.hpp"

namespace rempart::admin {
namespace {

// Long enough for an association's full legal name or address, short enough for a page
// footer and a mail's sender line.
constexpr std::size_t name_limit = 80;
constexpr std::size_t line_limit = 200;
constexpr std::size_t address_limit = 300;
constexpr std::size_t most_alert_addresses = 20;

// A line of text: lines joined with ", " (a postal address typed on three lines reads on
// one), controls and invisible characters removed, spaces trimmed.
std::string one_line(std::string_view typed) {
    std::string joined;
    std::size_t start = 0;
    while (start <= typed.size()) {
        const auto end = std::min(typed.find('\n', start), typed.size());
        const auto line = trim(strip_control_characters(typed.substr(start, end - start)));
        if (!line.empty()) {
            if (!joined.empty()) joined += ", ";
            joined += line;
        }
        start = end + 1;
    }
    return joined;
}

class Checker {
  public:
    Checker(const std::vector<std::pair<std::string, std::string>>& form,
            web::EditableSettings current)
        : form_(form) {
        check_.settings = std::move(current);
    }

    // The field's text as sent, or nullopt when the form did not send it.
    const std::string* sent(std::string_view field) {
        for (const auto& [name, value] : form_)
            if (name == field) {
                check_.typed.emplace_back(name, value);
                return &value;
            }
        return nullptr;
    }

    void fail(std::string_view field, std::string key, std::string detail = {}) {
        check_.errors.push_back({std::string(field), std::move(key), std::move(detail)});
    }

    // Readable text on one line of at most `limit` characters; empty only when `optional`.
    std::optional<std::string> text(std::string_view field, std::size_t limit, bool optional) {
        const auto* typed = sent(field);
        if (typed == nullptr) return std::nullopt;
        if (!is_valid_utf8(*typed)) {
            fail(field, "admin.settings_error_unreadable");
            return std::nullopt;
        }
        auto line = one_line(*typed);
        if (line.empty() && !optional) {
            fail(field, "admin.settings_error_required");
            return std::nullopt;
        }
        if (count_code_points(line) > limit) {
            fail(field, "admin.settings_error_too_long", std::to_string(limit));
            return std::nullopt;
        }
        return line;
    }

    std::optional<std::string> address(std::string_view field, bool optional) {
        auto line = text(field, line_limit, optional);
        if (!line || line->empty()) return line;
        auto checked = accounts::account_email(*line);
        if (!checked) {
            fail(field, "admin.settings_error_email", *line);
            return std::nullopt;
        }
        return *checked;
    }

    SettingsFormCheck done() { return std::move(check_); }
    web::EditableSettings& settings() { return check_.settings; }

  private:
    const std::vector<std::pair<std::string, std::string>>& form_;
    SettingsFormCheck check_;
};

}  // namespace

SettingsFormCheck check_settings_form(const std::vector<std::pair<std::string, std::string>>& form,
                                      web::EditableSettings current) {
    Checker check(form, std::move(current));
    auto& site = check.settings().site;
    auto& mail = check.settings().mail;
    if (auto name = check.text("site_name", name_limit, false)) site.name = *name;
    if (auto controller = check.text("controller", line_limit, true)) site.controller = *controller;
    if (auto contact = check.address("contact_email", true)) site.contact_email = *contact;
    if (auto postal = check.text("postal_address", address_limit, true))
        site.postal_address = *postal;
    if (auto hosting = check.text("hosting_provider", line_limit, true))
        site.hosting_provider = *hosting;
    if (const auto* language = check.sent("default_language")) {
        if (*language == "fr" || *language == "en")
            site.default_language = *language;
        else
            check.fail("default_language", "admin.settings_error_language");
    }
    if (auto from = check.address("mail_from", false)) mail.from = *from;
    if (const auto* open = check.sent("submissions_open")) {
        if (*open == "true" || *open == "false")
            check.settings().submissions_open = *open == "true";
        else
            check.fail("submissions_open", "admin.settings_error_choice");
    }
    if (const auto* typed = check.sent("admin_alerts_to")) {
        std::vector<std::string> addresses;
        bool all_good = true;
        for (const auto& part : web::split_addresses(*typed)) {
            auto checked = accounts::account_email(part);
            if (!checked || !is_valid_utf8(part)) {
                check.fail("admin_alerts_to", "admin.settings_error_email",
                           is_valid_utf8(part) ? part : to_valid_utf8(part));
                all_good = false;
                break;
            }
            if (std::find(addresses.begin(), addresses.end(), *checked) == addresses.end())
                addresses.push_back(*checked);
        }
        if (all_good && addresses.size() > most_alert_addresses) {
            check.fail("admin_alerts_to", "admin.settings_error_too_many",
                       std::to_string(most_alert_addresses));
            all_good = false;
        }
        if (all_good) mail.admin_alerts_to = std::move(addresses);
    }
    return check.done();
}

std::vector<SettingChange> changed_settings(const web::EditableSettings& before,
                                            const web::EditableSettings& after) {
    std::vector<SettingChange> changes;
    for (const auto& field : web::editable_fields()) {
        auto old_text = field.read(before);
        auto new_text = field.read(after);
        if (old_text != new_text)
            changes.push_back({std::string(field.name), std::move(old_text), std::move(new_text)});
    }
    return changes;
}

std::string describe_changes(const std::vector<SettingChange>& changes) {
    std::string text;
    for (const auto& change : changes) {
        if (!text.empty()) text += "; ";
        text += change.name + ": \"" + change.before + "\" -> \"" + change.after + "\"";
    }
    return text;
}

}  // namespace rempart::admin
