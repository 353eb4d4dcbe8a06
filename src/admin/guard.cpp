// The checks every back-office route gets before its handler runs.
#include "admin/guard.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <ctime>
#include <optional>

#include "accounts/session.hpp"
#include "accounts/tokens.hpp"
#include "admin/session_cookie.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/text.hpp"
#include "http/cookies.hpp"
#include "http/target.hpp"
#include "store/session_repository.hpp"

namespace rempart::admin {
namespace {

namespace asio = boost::asio;
using http::Method;

shield::RateLimit rate_of(const shield::RateSetting& setting) {
    return {setting.per_minute / 60.0, setting.burst};
}

accounts::SessionTimeouts timeouts_of(const accounts::AdminSettings& config) {
    return {config.session_idle, config.session_lifetime};
}

void no_store(Response& response) {
    for (const auto& [name, value] : response.headers)
        if (name == "Cache-Control") return;
    response.set_header("Cache-Control", "no-store");
}

Response forbidden(const AdminServices& services, const Request& request, render::Language language,
                   std::string_view reason, std::string_view text_key) {
    spdlog::info("{} reason={} path={} ip={}", log_event::admin_forbidden, reason,
                 log_text(request.path), request.client_ip);
    return admin_notice(services, language, 403, "admin.forbidden_title", text_key);
}

struct RouteRules {
    accounts::Action needs = accounts::Action::manage_users;
    bool during_password_change = false;
};

// The guard around one route: finds the session, checks it, and calls the handler.
class GuardedRoute {
  public:
    GuardedRoute(AdminServices& services, RouteRules rules, AdminHandler handler)
        : s_(services), rules_(rules), handler_(std::move(handler)) {}

    asio::awaitable<Response> operator()(const Request& request, const Params& params) const {
        auto response = co_await guarded(request, params);
        no_store(response);
        co_return response;
    }

  private:
    asio::awaitable<Response> guarded(const Request& request, const Params& params) const {
        const auto language = s_.site.language_of(request.headers);
        // Where a POST comes from was checked before any route (app/dispatch): this guard
        // adds the session's own token, which no other site can read.
        const bool reading = request.method == Method::get || request.method == Method::head;

        const bool secure = s_.site.cookies().secure();
        const auto token =
            http::cookie_value(request.headers["Cookie"], session_cookie_name(secure)).value_or("");
        std::optional<store::SessionOfUser> session;
        if (accounts::looks_like_session_token(token)) {
            std::function<std::optional<store::SessionOfUser>(store::Database&)> find =
                [hash = accounts::session_token_hash(token)](store::Database& db) {
                    return store::find_session(db, hash);
                };
            session = co_await s_.store.readers().read<std::optional<store::SessionOfUser>>(
                std::move(find));
        }
        const auto now = unix_now_ms();
        const auto timeouts = timeouts_of(s_.config());
        const bool alive =
            session && !session->user.disabled_ms &&
            accounts::session_alive({session->created_ms, session->last_seen_ms}, timeouts, now);
        if (!alive) {
            if (session) forget(session->token_hash);
            if (reading)
                co_return admin_redirect("/admin/login?next=" + percent_encode(request.path, "/"));
            co_return forbidden(s_, request, language, "no_session", "admin.session_expired");
        }

        AdminContext context;
        context.user = {session->user.id, session->user.email, session->user.role};
        context.csrf_token = session->csrf_token;
        context.language = language;
        context.ip = request.client_ip;
        context.session_hash = session->token_hash;
        context.secure_cookies = secure;
        if (!reading) {
            auto form = http::parse_form(request.body);
            if (!form)
                co_return admin_notice(s_, language, 400, "admin.bad_request_title",
                                       "admin.unreadable");
            const auto given = http::form_value(*form, "csrf").value_or("");
            if (!accounts::csrf_token_matches(session->csrf_token, given))
                co_return forbidden(s_, request, language, "csrf", "admin.forbidden_csrf");
            context.form = std::move(*form);
        }
        if (session->user.must_change_password && !rules_.during_password_change)
            co_return admin_redirect("/admin/password");
        if (!accounts::may(session->user.role, rules_.needs))
            co_return forbidden(s_, request, language, "role", "admin.forbidden_role");

        if (accounts::session_needs_touch({session->created_ms, session->last_seen_ms}, timeouts,
                                          now))
            touch(session->token_hash, now);
        co_return co_await handler_(request, params, context);
    }

    // Neither write is worth a wait: a lost touch costs a minute of idle time at most.
    void touch(std::string hash, std::int64_t now) const {
        s_.store.writer().submit(
            [hash = std::move(hash), now](store::Database& db) {
                return store::touch_session(db, hash, now);
            },
            [](Result<void>) {});
    }
    void forget(std::string hash) const {
        s_.store.writer().submit(
            [hash = std::move(hash)](store::Database& db) {
                return store::delete_session(db, hash);
            },
            [](Result<void>) {});
    }

    AdminServices& s_;
    RouteRules rules_;
    AdminHandler handler_;
};

void add_guarded(http::Router& router, AdminServices& services, Method method, std::string pattern,
                 std::string name, RouteRules rules, AdminHandler handler) {
    auto route = std::make_shared<GuardedRoute>(services, rules, std::move(handler));
    router.add(method, std::move(pattern), std::move(name), back_office_route,
               [route](const Request& request, const Params& params) {
                   return (*route)(request, params);
               });
}

}  // namespace

LoginLimits::LoginLimits(const accounts::AdminSettings& config)
    : per_ip(rate_of(config.login_per_ip)),
      per_account(rate_of(config.login_per_account)),
      failures(accounts::LoginThrottleSettings{
          config.login_free_failures, config.login_backoff_first, config.login_backoff_max,
          config.login_alert_after, config.login_failures_kept}),
      pool_shares(config.password_queue_per_network),
      lock_entries(shield::RateLimit{1.0 / 60.0, 1.0}) {}

void add_admin_route(http::Router& router, AdminServices& services, Method method,
                     std::string pattern, std::string name, accounts::Action needs,
                     AdminHandler handler) {
    add_guarded(router, services, method, std::move(pattern), std::move(name),
                RouteRules{needs, false}, std::move(handler));
}

void add_admin_route_during_password_change(http::Router& router, AdminServices& services,
                                            Method method, std::string pattern, std::string name,
                                            AdminHandler handler) {
    add_guarded(router, services, method, std::move(pattern), std::move(name),
                RouteRules{accounts::Action::use_back_office, true}, std::move(handler));
}

Response admin_page(const AdminServices& services, const AdminContext& context, unsigned status,
                    std::string_view title_key, std::string_view content, PageData data) {
    PageFrame frame;
    frame.title_key = std::string(title_key);
    frame.viewer = PageViewer{context.user.email, context.user.role, context.csrf_token};
    Response response;
    response.status = status;
    response.body =
        http::Body(services.pages.render(content, context.language, frame, std::move(data)));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response admin_notice(const AdminServices& services, render::Language language, unsigned status,
                      std::string_view title_key, std::string_view text_key) {
    PageFrame frame;
    frame.title_key = std::string(title_key);
    PageData data;
    data.set("status", std::to_string(status));
    data.set("notice_text", std::string(services.pages.messages().text(language, text_key)));
    Response response;
    response.status = status;
    response.body = http::Body(services.pages.render("notice", language, frame, std::move(data)));
    response.set_header("Cache-Control", "no-store");
    return response;
}

Response admin_redirect(std::string location) {
    Response response;
    response.status = 303;
    response.set_header("Location", std::move(location));
    response.set_header("Cache-Control", "no-store");
    return response;
}

store::AuditEntry audit_entry(const AdminContext& context, std::string action, std::string detail) {
    return store::AuditEntry{0,
                             unix_now_ms(),
                             context.user.id,
                             accounts::Actor::account(context.user.id),
                             std::move(action),
                             std::move(detail),
                             context.ip};
}

asio::awaitable<Result<void>> record_audit(AdminServices& services, const AdminContext& context,
                                           std::string action, std::string detail) {
    std::function<Result<bool>(store::Database&)> job =
        [entry = audit_entry(context, std::move(action), std::move(detail))](
            store::Database& db) -> Result<bool> {
        if (auto written = store::insert_audit(db, entry); !written) return written.error();
        return true;
    };
    auto written = co_await services.store.writer().write<bool>(std::move(job));
    if (!written) co_return written.error();
    co_return Result<void>();
}

std::string say(const AdminServices& services, const AdminContext& context, std::string_view key) {
    return std::string(services.pages.messages().text(context.language, key));
}

void set_field_errors(PageData& data, const AdminServices& services, const AdminContext& context,
                      const std::vector<FieldError>& errors) {
    PageData listed = PageData::type::list;
    for (const auto& error : errors) {
        const auto message = say(services, context, error_name(error.code));
        PageData item;
        item.set("field", error.field);
        item.set("message", message);
        listed.push_back(item);
        data.set("error_" + error.field, message);
    }
    data.set("errors", listed);
    data.set("has_errors", !errors.empty());
}

std::string utc_time(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &utc);
    return text;
}

std::int64_t id_of(std::string_view text) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id <= 0) return 0;
    return id;
}

}  // namespace rempart::admin
