// The shield in the back office: the gate's state, what was refused, and the mode button.
#include "admin/shield_routes.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/settings_repository.hpp"

namespace rempart::admin {
namespace {

std::string reason_key(std::string_view reason) {
    if (reason == "surge") return "admin.shield_reason_surge";
    if (reason == "load") return "admin.shield_reason_load";
    if (reason == "admin") return "admin.shield_reason_admin";
    return "admin.shield_reason_calm";
}

std::string one_decimal(double value) {
    const auto tenths = static_cast<long long>(value * 10 + 0.5);
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

}  // namespace

std::optional<shield::GateMode> stored_gate_mode(store::Store& store) {
    const auto setting = store.readers().read_now<std::optional<store::Setting>>(
        [](store::Database& db) { return store::read_setting(db, store::gate_mode_setting); });
    if (!setting) return std::nullopt;
    return shield::parse_gate_mode(setting->value);
}

void add_shield_routes(http::Router& router, ShieldServices& services) {
    add_admin_route(
        router, services.admin, http::Method::get, "/admin/shield", "admin_shield",
        accounts::Action::view_incidents,
        [&services](const Request& request, const Params&,
                    const AdminContext& context) -> Awaitable {
            std::function<std::optional<store::Setting>(store::Database&)> read =
                [](store::Database& db) {
                    return store::read_setting(db, store::gate_mode_setting);
                };
            const auto setting =
                co_await services.admin.store.readers().read<std::optional<store::Setting>>(
                    std::move(read));
            const auto& door = services.front_door;
            const auto status = door.status();
            const auto& messages = services.admin.pages.messages();
            PageData data;
            data.set("gate_on", status.on);
            data.set("reason",
                     std::string(messages.text(context.language, reason_key(status.reason))));
            for (const auto mode :
                 {shield::GateMode::automatic, shield::GateMode::on, shield::GateMode::off})
                data.set("mode_" + std::string(shield::to_string(mode)), status.mode == mode);
            data.set("has_setting", setting.has_value());
            if (setting) {
                data.set("set_by", setting->updated_by);
                data.set("set_at", utc_time(setting->updated_ms));
            }
            data.set("usual_rate", one_decimal(status.usual_rate));
            const auto pressure = door.pressure();
            data.set("loop_lag_ms", std::to_string(pressure.loop_lag.count()));
            data.set("read_queue", std::to_string(pressure.read_queue));
            data.set("tracked_keys", std::to_string(door.tracked_keys()));
            data.set("clearances", std::to_string(door.clearances_issued()));
            PageData decisions = PageData::type::list;
            for (std::size_t i = 0; i < shield::decision_count; ++i) {
                const auto decision = static_cast<shield::Decision>(i);
                PageData row;
                row.set("label",
                        std::string(messages.text(
                            context.language,
                            "admin.shield_decision_" + std::string(shield::to_string(decision)))));
                row.set("count", std::to_string(door.decisions(decision)));
                decisions.push_back(row);
            }
            data.set("decisions", decisions);
            data.set("changed", request.query.find("mode=changed") != std::string_view::npos);
            data.set("may_change",
                     accounts::may(context.user.role, accounts::Action::change_shield));
            co_return admin_page(services.admin, context, 200, "admin.shield_title", "shield",
                                 std::move(data));
        });

    add_admin_route(
        router, services.admin, http::Method::post, "/admin/shield/mode", "admin_shield_mode",
        accounts::Action::change_shield,
        [&services](const Request&, const Params&, const AdminContext& context) -> Awaitable {
            std::string_view chosen;
            for (const auto& [name, value] : context.form)
                if (name == "mode") chosen = value;
            const auto mode = shield::parse_gate_mode(chosen);
            if (!mode)
                co_return admin_notice(services.admin, context.language, 400,
                                       "admin.shield_mode_bad_title", "admin.shield_mode_bad");
            const auto text = std::string(shield::to_string(*mode));
            auto entry = audit_entry(context, "gate_mode", text);
            const auto by = context.user.email;
            const auto now = unix_now_ms();
            std::function<Result<bool>(store::Database&)> job =
                [text, by, now, entry](store::Database& db) -> Result<bool> {
                if (auto written =
                        store::write_setting(db, store::gate_mode_setting, text, by, now);
                    !written)
                    return written.error();
                if (auto audited = store::insert_audit(db, entry); !audited) return audited.error();
                return true;
            };
            const auto written = co_await services.admin.store.writer().write<bool>(std::move(job));
            if (!written) {
                spdlog::error("{} error={}", log_event::store_write_failed,
                              log_text(written.error().detail));
                co_return admin_notice(services.admin, context.language, 503, "admin.busy_title",
                                       "admin.busy");
            }
            services.front_door.set_mode(*mode);
            spdlog::warn("{} mode={} by={}", log_event::gate_mode_set, text, by);
            co_return admin_redirect("/admin/shield?mode=changed");
        });
}

}  // namespace rempart::admin
