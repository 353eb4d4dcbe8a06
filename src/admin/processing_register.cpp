// The record of processing activities, from the locales' words and the periods in force.
#include "admin/processing_register.hpp"

#include <array>
#include <string_view>

#include "admin/delivery_csv.hpp"

namespace rempart::admin {
namespace {

constexpr std::array<std::string_view, 9> activities = {
    "signatures", "defence",     "news",   "newsletter", "mail", "proposals", "my_data",
    "back_office", "backups"};

// The columns, in the order of RegisterEntry's fields.
constexpr std::array<std::string_view, 8> register_columns = {
    "register.column_activity", "register.column_purpose",    "register.column_basis",
    "register.column_people",   "register.column_data",       "register.column_recipients",
    "register.column_retention", "register.column_safeguards"};

std::array<const std::string*, 8> fields(const RegisterEntry& entry) {
    return {&entry.activity, &entry.purpose,    &entry.basis,     &entry.people,
            &entry.data,     &entry.recipients, &entry.retention, &entry.safeguards};
}

}  // namespace

std::vector<RegisterEntry> processing_register(const render::Messages& messages,
                                               render::Language language,
                                               const PromisedPeriods& periods) {
    const auto& r = periods.retention;
    const auto number = [&](std::int64_t value) { return render::format_number(language, value); };
    // Every placeholder any activity's period may name; each fills those it has.
    const render::Placeholders days = {
        {"unconfirmed", number(r.unconfirmed_days)}, {"after_close", number(r.after_close_days)},
        {"addresses", number(r.addresses_days)},     {"events", number(r.events_days)},
        {"evidence", number(r.evidence_days)},       {"mail", number(r.mail_days)},
        {"sessions", number(r.sessions_days)},       {"audit", number(r.audit_days)},
        {"newsletter", number(r.newsletter_idle_days)}, {"hours", number(periods.backup_hours)}};
    const std::string safeguards(messages.text(language, "register.safeguards"));
    std::vector<RegisterEntry> entries;
    for (const auto activity : activities) {
        const auto say = [&](std::string_view field) {
            return std::string(
                messages.text(language, "register." + std::string(activity) + "_" + std::string(field)));
        };
        std::string retention_key = "retention";
        if (activity == "backups")
            retention_key = periods.backup_hours > 0 ? "retention_auto" : "retention_manual";
        entries.push_back({say("name"), say("purpose"), say("basis"), say("people"), say("data"),
                           say("recipients"), render::fill(say(retention_key), days),
                           safeguards});
    }
    return entries;
}

std::string register_markdown(const render::Messages& messages, render::Language language,
                              const RegisterController& controller,
                              const std::vector<RegisterEntry>& entries, std::int64_t now) {
    const auto say = [&](std::string_view key) { return std::string(messages.text(language, key)); };
    std::string out = "# " + say("register.title") + "\n\n";
    out += render::fill(say("register.generated_on"), {{"date", render::format_date(language, now)}}) +
           "\n\n## " + say("register.controller_title") + "\n\n";
    if (controller.name.empty()) {
        out += say("register.controller_unset") + "\n";
    } else {
        out += controller.name + "\n";
        if (!controller.contact_email.empty())
            out += "\n" + say("register.contact") + " " + controller.contact_email + "\n";
        if (!controller.postal_address.empty())
            out += "\n" + say("register.address") + " " + controller.postal_address + "\n";
    }
    for (const auto& entry : entries) {
        out += "\n## " + entry.activity + "\n\n";
        const auto values = fields(entry);
        for (std::size_t i = 1; i < register_columns.size(); ++i)
            out += "- **" + say(register_columns[i]) + "**: " + *values[i] + "\n";
    }
    return out;
}

std::string register_csv(const render::Messages& messages, render::Language language,
                         const std::vector<RegisterEntry>& entries) {
    const auto line = [](const std::array<std::string, 8>& cells) {
        std::string out;
        for (std::size_t i = 0; i < cells.size(); ++i)
            out += (i ? "," : "") + csv_field(cells[i]);
        return out + "\r\n";
    };
    std::array<std::string, 8> header;
    for (std::size_t i = 0; i < register_columns.size(); ++i)
        header[i] = std::string(messages.text(language, register_columns[i]));
    std::string out = "\xEF\xBB\xBF" + line(header);
    for (const auto& entry : entries) {
        const auto values = fields(entry);
        std::array<std::string, 8> cells;
        for (std::size_t i = 0; i < values.size(); ++i) cells[i] = *values[i];
        out += line(cells);
    }
    return out;
}

}  // namespace rempart::admin
