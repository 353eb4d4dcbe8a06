// The site's settings in the back office: shown with where each comes from, saved over the
// config file's, audited, and applied to every page and mail at once.
#include <spdlog/spdlog.h>

#include <atomic>

#include "admin/admin_routes.hpp"
#include "admin/settings_form.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/settings_repository.hpp"

namespace rempart::admin {
namespace {

using Stored = std::vector<std::pair<std::string, store::Setting>>;

// How each field shows: a line, an address, a few lines, or the language list.
enum class Input { line, email, lines, language, open_or_closed };

struct FieldLook {
    std::string_view field;
    Input input;
};

constexpr FieldLook looks[] = {
    {"site_name", Input::line},
    {"controller", Input::line},
    {"contact_email", Input::email},
    {"postal_address", Input::lines},
    {"hosting_provider", Input::line},
    {"default_language", Input::language},
    {"mail_from", Input::email},
    {"admin_alerts_to", Input::lines},
    {"submissions_open", Input::open_or_closed},
};

Input input_of(std::string_view field) {
    for (const auto& look : looks)
        if (look.field == field) return look.input;
    return Input::line;
}

const store::Setting* stored_of(const Stored& stored, std::string_view name) {
    for (const auto& [stored_name, setting] : stored)
        if (stored_name == name) return &setting;
    return nullptr;
}

// Saves are applied in the order the writer ran them (web::LiveSettings::replace).
std::atomic<std::uint64_t> saves{0};

struct Saved {
    std::vector<std::pair<std::string, std::string>> stored;  // every setting after the save
    std::uint64_t order = 0;
};

Result<Saved> read_back(store::Database& db) {
    Saved saved;
    saved.stored = store::read_setting_values(db);
    saved.order = saves.fetch_add(1) + 1;
    return saved;
}

// The page, with the values of `shown` (the settings now, or what was typed), where each
// value comes from, and the errors beside their fields.
Response settings_page(AdminServices& services, const AdminContext& context, unsigned status,
                       const Stored& stored, const web::EditableSettings& shown,
                       const std::vector<std::pair<std::string, std::string>>& typed,
                       const std::vector<SettingsFieldError>& errors, std::string_view done) {
    const auto& from_file = services.site.live_settings().from_file();
    PageData fields = PageData::type::list;
    for (const auto& field : web::editable_fields()) {
        const std::string name(field.field);
        PageData row;
        row.set("field", name);
        row.set("label", say(services, context, "admin.settings_" + name));
        row.set("hint", say(services, context, "admin.settings_" + name + "_hint"));
        std::string value = field.read(shown);
        for (const auto& [typed_field, typed_value] : typed)
            if (typed_field == name) value = typed_value;
        const auto input = input_of(name);
        row.set("is_line", input == Input::line);
        row.set("is_email", input == Input::email);
        row.set("is_lines", input == Input::lines);
        row.set("is_language", input == Input::language);
        row.set("is_choice", input == Input::language || input == Input::open_or_closed);
        if (input == Input::language) {
            PageData options = PageData::type::list;
            for (const auto language : render::all_languages) {
                const std::string code(render::code(language));
                PageData option;
                option.set("code", code);
                option.set("label", std::string(services.pages.messages().text(
                                        language, "site.language_name")));
                option.set("selected", code == value);
                options.push_back(option);
            }
            row.set("options", options);
        }
        if (input == Input::open_or_closed) {
            PageData options = PageData::type::list;
            for (const auto* code : {"false", "true"}) {
                PageData option;
                option.set("code", std::string(code));
                option.set("label", say(services, context,
                                        std::string("admin.settings_submissions_") + code));
                option.set("selected", value == code);
                options.push_back(option);
            }
            row.set("options", options);
        }
        row.set("value", value);
        for (const auto& error : errors)
            if (error.field == name) {
                auto message = say(services, context, error.key);
                if (!error.detail.empty()) message += " " + error.detail;
                row.set("error", message);
            }
        if (const auto* setting = stored_of(stored, field.name)) {
            row.set("saved_here", true);
            row.set("saved_by", setting->updated_by);
            row.set("saved_at", utc_time(setting->updated_ms));
            const auto file_value = field.read(from_file);
            row.set("file_value", file_value.empty() ? "-" : file_value);
        }
        fields.push_back(row);
    }
    PageData data;
    data.set("fields", fields);
    PageData listed = PageData::type::list;
    for (const auto& error : errors) {
        PageData item;
        item.set("field", error.field);
        auto message = say(services, context, error.key);
        if (!error.detail.empty()) message += " " + error.detail;
        item.set("message", message);
        listed.push_back(item);
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
    data.set("any_saved_here", std::any_of(stored.begin(), stored.end(), [](const auto& entry) {
                 return web::find_editable_field(entry.first) != nullptr;
             }));
    data.set("no_alerts", shown.mail.admin_alerts_to.empty());
    if (!done.empty()) data.set("done_" + std::string(done), true);
    return admin_page(services, context, status, "admin.settings_title", "settings",
                      std::move(data));
}

boost::asio::awaitable<Stored> read_stored(AdminServices& services) {
    std::function<Stored(store::Database&)> read = [](store::Database& db) {
        return store::read_settings(db);
    };
    co_return co_await services.store.readers().read<Stored>(std::move(read));
}

// Writes `change` (with its audit entry), applies what the store holds after it, logs which
// settings moved and answers with the page saying `done`; 503 when the store could not write.
boost::asio::awaitable<Response> save(AdminServices& services, const AdminContext& context,
                                      std::function<Result<void>(store::Database&)> change,
                                      std::string names, std::string_view done) {
    std::function<Result<Saved>(store::Database&)> job =
        [change = std::move(change)](store::Database& db) -> Result<Saved> {
        if (auto changed = change(db); !changed) return changed.error();
        return read_back(db);
    };
    const auto saved = co_await services.store.writer().write<Saved>(std::move(job));
    if (!saved) {
        spdlog::error("{} error={}", log_event::store_write_failed, log_text(saved.error().detail));
        co_return admin_notice(services, context.language, 503, "admin.busy_title", "admin.busy");
    }
    services.site.replace_settings(
        web::with_stored(services.site.live_settings().from_file(), saved->stored), saved->order);
    spdlog::warn("{} names={} by={}", log_event::settings_changed, log_text(names),
                 log_text(context.user.email));
    co_return admin_redirect("/admin/settings?done=" + std::string(done));
}

std::string names_of(const std::vector<SettingChange>& changes) {
    std::string names;
    for (const auto& change : changes) names += (names.empty() ? "" : ",") + change.name;
    return names;
}

}  // namespace

void add_settings_routes(http::Router& router, AdminServices& services) {
    add_admin_route(router, services, http::Method::get, "/admin/settings", "admin_settings",
                    accounts::Action::change_settings,
                    [&services](const Request& request, const Params&,
                                const AdminContext& context) -> Awaitable {
                        const auto stored = co_await read_stored(services);
                        std::string_view done;
                        if (request.query.find("done=saved") != std::string_view::npos)
                            done = "saved";
                        if (request.query.find("done=unchanged") != std::string_view::npos)
                            done = "unchanged";
                        if (request.query.find("done=reset") != std::string_view::npos)
                            done = "reset";
                        co_return settings_page(services, context, 200, stored,
                                                *services.site.live_settings().current(), {}, {},
                                                done);
                    });

    add_admin_route(
        router, services, http::Method::post, "/admin/settings", "admin_settings_save",
        accounts::Action::change_settings,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            const auto now = services.site.live_settings().current();
            auto check = check_settings_form(context.form, *now);
            if (!check.errors.empty()) {
                const auto stored = co_await read_stored(services);
                co_return settings_page(services, context, 422, stored, check.settings, check.typed,
                                        check.errors, {});
            }
            const auto changes = changed_settings(*now, check.settings);
            if (changes.empty()) co_return admin_redirect("/admin/settings?done=unchanged");
            const auto entry = audit_entry(context, "settings_changed", describe_changes(changes));
            const auto by = context.user.email;
            const auto at = unix_now_ms();
            // Named, not a temporary in the co_await: GCC 12 destroys such a temporary twice.
            std::function<Result<void>(store::Database&)> change =
                [changes, entry, by, at](store::Database& db) -> Result<void> {
                for (const auto& one : changes)
                    if (auto written = store::write_setting(db, one.name, one.after, by, at);
                        !written)
                        return written.error();
                return store::insert_audit(db, entry);
            };
            auto names = names_of(changes);
            co_return co_await save(services, context, std::move(change), std::move(names),
                                    "saved");
        });

    add_admin_route(
        router, services, http::Method::post, "/admin/settings/reset", "admin_settings_reset",
        accounts::Action::change_settings,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            std::vector<std::string> names;
            for (const auto& field : web::editable_fields()) names.emplace_back(field.name);
            const auto entry = audit_entry(context, "settings_reset", "back to the config file");
            std::function<Result<void>(store::Database&)> forget =
                [names, entry](store::Database& db) -> Result<void> {
                if (auto forgotten = store::forget_settings(db, names); !forgotten)
                    return forgotten.error();
                return store::insert_audit(db, entry);
            };
            std::string everything = "all";
            co_return co_await save(services, context, std::move(forget), std::move(everything),
                                    "reset");
        });
}

}  // namespace rempart::admin
