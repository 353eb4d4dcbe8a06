// GET/POST /admin/password: forced after a one-time password, open to anyone logged in.
#include <spdlog/spdlog.h>

#include "accounts/errors.hpp"
#include "accounts/password.hpp"
#include "accounts/session.hpp"
#include "accounts/tokens.hpp"
#include "admin/admin_routes.hpp"
#include "admin/session_cookie.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace rempart::admin {
namespace {

using Errors = std::vector<std::pair<std::string, std::string>>;  // field, message key

std::string rule_message(const Error& error) {
    if (error.code == accounts::AccountError::password_too_short) return "admin.password_too_short";
    if (error.code == accounts::AccountError::password_too_long) return "admin.password_too_long";
    return "admin.password_invalid_utf8";
}

class PasswordHandler {
  public:
    explicit PasswordHandler(AdminServices& services) : s_(services) {}

    Awaitable show(const Request&, const Params&, const AdminContext& context) {
        Errors none;
        co_return co_await form_page(context, 200, std::move(none));
    }

    Awaitable submit(const Request& request, const Params&, const AdminContext& context) {
        const auto current = std::string(http::form_value(context.form, "current").value_or(""));
        const auto chosen = std::string(http::form_value(context.form, "new").value_or(""));
        const auto again = std::string(http::form_value(context.form, "confirm").value_or(""));
        Errors errors;
        if (current.empty()) errors.emplace_back("current", "admin.password_required");
        if (auto rules = accounts::check_password_rules(chosen); !rules)
            errors.emplace_back("new", rule_message(rules.error()));
        else if (chosen == current)
            errors.emplace_back("new", "admin.password_same");
        if (again != chosen) errors.emplace_back("confirm", "admin.password_mismatch");
        if (current.size() > accounts::password_max_bytes)
            errors.emplace_back("current", "admin.password_wrong");
        if (!errors.empty()) co_return co_await form_page(context, 422, std::move(errors));

        std::function<std::optional<store::User>(store::Database&)> find =
            [id = context.user.id](store::Database& db) { return store::find_user(db, id); };
        const auto user =
            co_await s_.store.readers().read<std::optional<store::User>>(std::move(find));
        if (!user) co_return admin_redirect("/admin/login");
        // One trip to the pool: check the current password, then hash the new one.
        std::function<std::optional<std::string>()> work =
            [hash = user->password_hash, current, chosen,
             cost = s_.config().password_cost]() -> std::optional<std::string> {
            if (!accounts::verify_password(hash, current)) return std::nullopt;
            auto made = accounts::hash_password(chosen, cost);
            if (!made) return std::string();
            return std::move(*made);
        };
        const auto outcome = co_await s_.passwords.run<std::optional<std::string>>(std::move(work));
        if (!outcome) {
            auto response =
                admin_notice(s_, context.language, 503, "admin.busy_title", "admin.busy");
            response.set_header("Retry-After", "5");
            co_return response;
        }
        if (!*outcome) {
            Errors wrong{{"current", "admin.password_wrong"}};
            co_return co_await form_page(context, 422, std::move(wrong));
        }
        if ((*outcome)->empty())
            co_return admin_notice(s_, context.language, 503, "admin.busy_title", "admin.busy");

        // Every session of the account ends (a thief's too); this browser gets a new one.
        const auto token = accounts::new_session_token();
        const auto now = unix_now_ms();
        const accounts::SessionTimeouts timeouts{s_.config().session_idle,
                                                 s_.config().session_lifetime};
        store::NewSession session{accounts::session_token_hash(token),
                                  context.user.id,
                                  accounts::new_csrf_token(),
                                  now,
                                  accounts::session_expiry_ms(now, timeouts),
                                  request.client_ip};
        std::function<Result<bool>(store::Database&)> job =
            [session, hash = **outcome, entry = audit_entry(context, "password_changed", "")](
                store::Database& db) -> Result<bool> {
            if (auto set = store::set_password(db, session.user_id, hash, false); !set)
                return set.error();
            if (auto ended = store::delete_user_sessions(db, session.user_id); !ended)
                return ended.error();
            if (auto opened = store::insert_session(db, session); !opened) return opened.error();
            if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
            return true;
        };
        auto changed = co_await s_.store.writer().write<bool>(std::move(job));
        if (!changed) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(changed.error().detail));
            co_return admin_notice(s_, context.language, 503, "admin.busy_title", "admin.busy");
        }
        auto response = admin_redirect("/admin?password=changed");
        response.set_header("Set-Cookie",
                            set_admin_cookie(s_.site.cookies(),
                                             session_cookie_name(context.secure_cookies), token));
        co_return response;
    }

  private:
    Awaitable form_page(const AdminContext& context, unsigned status, Errors errors) {
        std::function<std::optional<store::User>(store::Database&)> find =
            [id = context.user.id](store::Database& db) { return store::find_user(db, id); };
        const auto user =
            co_await s_.store.readers().read<std::optional<store::User>>(std::move(find));
        PageData data;
        data.set("forced", user && user->must_change_password);
        const auto& messages = s_.pages.messages();
        for (const auto& [field, key] : errors)
            data.set("error_" + field, std::string(messages.text(context.language, key)));
        co_return admin_page(s_, context, status, "admin.password_title", "password",
                             std::move(data));
    }

    AdminServices& s_;
};

}  // namespace

void add_password_routes(http::Router& router, AdminServices& services) {
    auto handler = std::make_shared<PasswordHandler>(services);
    add_admin_route_during_password_change(
        router, services, http::Method::get, "/admin/password", "admin_password",
        [handler](const Request& request, const Params& params, const AdminContext& context) {
            return handler->show(request, params, context);
        });
    add_admin_route_during_password_change(
        router, services, http::Method::post, "/admin/password", "admin_password_submit",
        [handler](const Request& request, const Params& params, const AdminContext& context) {
            return handler->submit(request, params, context);
        });
}

}  // namespace rempart::admin
