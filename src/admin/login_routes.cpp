// GET/POST /admin/login and POST /admin/logout.
#include <spdlog/spdlog.h>

#include <chrono>

#include "accounts/actor.hpp"
#include "accounts/login_throttle.hpp"
#include "accounts/password.hpp"
#include "accounts/session.hpp"
#include "accounts/tokens.hpp"
#include "accounts/totp.hpp"
#include "admin/admin_routes.hpp"
#include "admin/login_alert.hpp"
#include "admin/session_cookie.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "http/cookies.hpp"
#include "http/target.hpp"
#include "store/outbox_repository.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace rempart::admin {
namespace {

constexpr std::size_t email_field_max = 320;  // longer is no address: kept short in the log

struct LoginForm {
    std::string email;
    std::string password;
    std::string totp;
    std::string next = "/admin";
    std::string csrf;
};

// A password checked on the pool, and its new hash when it was hashed at another cost.
struct PasswordCheck {
    bool matches = false;
    std::optional<std::string> rehashed;
};

struct LoginFieldError {
    std::string field;
    std::string key;
};

// Both log and audit get what was typed, cut short and without control characters.
std::string printable(std::string_view typed) {
    return strip_control_characters(typed.substr(0, email_field_max));
}

// A network over its share of the password pool frees a place within one hash or two.
constexpr std::chrono::seconds pool_share_retry_after{2};

class LoginHandler {
  public:
    explicit LoginHandler(AdminServices& services) : s_(services) {}

    Awaitable show(const Request& request, const Params&) {
        const bool secure = s_.site.cookies().secure();
        LoginForm form;
        if (auto query = http::parse_form(request.query); query)
            form.next = safe_admin_next(http::form_value(*query, "next").value_or("/admin"));
        const auto existing =
            http::cookie_value(request.headers["Cookie"], login_cookie_name(secure)).value_or("");
        // One value per browser, not per page view: two open tabs both still work.
        form.csrf =
            accounts::looks_like_session_token(existing) ? std::string(existing) : random_token(32);
        auto response = page(request, 200, form, {});
        if (form.csrf != existing)
            response.set_header(
                "Set-Cookie",
                set_admin_cookie(s_.site.cookies(), login_cookie_name(secure), form.csrf));
        co_return response;
    }

    Awaitable submit(const Request& request, const Params&) {
        const auto language = s_.site.language_of(request.headers);
        const bool secure = s_.site.cookies().secure();
        auto fields = http::parse_form(request.body);
        if (!fields) {
            LoginForm empty;
            co_return page(request, 400, empty, {{"form", "admin.unreadable"}});
        }
        LoginForm form;
        form.email = trim(http::form_value(*fields, "email").value_or(""));
        form.password = std::string(http::form_value(*fields, "password").value_or(""));
        form.totp = trim(http::form_value(*fields, "totp").value_or(""));
        form.next = safe_admin_next(http::form_value(*fields, "next").value_or("/admin"));
        form.csrf = std::string(http::form_value(*fields, "csrf").value_or(""));
        const auto cookie =
            http::cookie_value(request.headers["Cookie"], login_cookie_name(secure)).value_or("");
        if (!accounts::csrf_token_matches(cookie, form.csrf))
            co_return refuse(request, "csrf", "admin.forbidden_csrf");

        std::vector<LoginFieldError> errors;
        if (form.email.empty()) errors.push_back({"email", "admin.email_required"});
        if (form.password.empty()) errors.push_back({"password", "admin.password_required"});
        if (!errors.empty()) co_return page(request, 422, form, std::move(errors));

        // Limits before any hashing: the hash is what an attacker would make us pay for.
        const auto keys = accounts::login_keys(form.email, request.client_ip);
        if (auto refused = admit(request, form, keys); refused) co_return std::move(*refused);
        auto place = s_.login_limits.pool_shares.claim(keys.network);
        if (!place) {
            spdlog::info("{} reason=pool_share network={} ip={}", log_event::admin_login_refused,
                         keys.network, request.client_ip);
            auto response =
                admin_notice(s_, language, 429, "admin.rate_limited_title", "admin.rate_limited");
            response.set_header("Retry-After", std::to_string(pool_share_retry_after.count()));
            co_return response;
        }

        std::optional<store::User> user;
        if (keys.email) {
            std::function<std::optional<store::User>(store::Database&)> find =
                [email = *keys.email](store::Database& db) {
                    return store::find_user_by_email(db, email);
                };
            user = co_await s_.store.readers().read<std::optional<store::User>>(std::move(find));
        }
        // Unknown accounts and overlong passwords are checked against a hash nobody can
        // match, so every refusal takes the time of one argon2id.
        const bool usable =
            user && !user->disabled_ms && form.password.size() <= accounts::password_max_bytes;
        const auto cost = s_.config().password_cost;
        std::function<PasswordCheck()> verify =
            [hash = usable ? user->password_hash : accounts::dummy_password_hash(cost),
             password = usable ? form.password : std::string(), cost] {
                PasswordCheck checked{accounts::verify_password(hash, password), std::nullopt};
                // A password hashed at another cost than the site's is hashed again while it is
                // at hand, so that a changed [admin] cost reaches every account by its next login.
                if (checked.matches && accounts::password_needs_rehash(hash, cost))
                    if (auto made = accounts::hash_password(password, cost))
                        checked.rehashed = std::move(*made);
                return checked;
            };
        auto verified = co_await s_.passwords.run<PasswordCheck>(std::move(verify));
        place.reset();
        if (!verified) {
            spdlog::warn("{} reason=busy ip={}", log_event::admin_login_refused, request.client_ip);
            auto response = admin_notice(s_, language, 503, "admin.busy_title", "admin.busy");
            response.set_header("Retry-After", "5");
            co_return response;
        }
        bool ok = usable && verified->matches;
        std::optional<std::int64_t> step;
        if (ok && user->totp_secret) {
            step = accounts::verify_totp(*user->totp_secret, form.totp, unix_now_ms() / 1000,
                                         user->totp_last_step);
            ok = step.has_value();
        }
        // A wrong code is a failure like a wrong password: the password alone resets nothing.
        if (!ok) {
            const char* why = !user                           ? "unknown account"
                              : user->disabled_ms             ? "disabled account"
                              : !usable || !verified->matches ? "wrong password"
                                                              : "wrong or reused code";
            co_return failed(request, form, keys, user, why);
        }
        co_return co_await open_session(request, form, keys, *user, step, secure,
                                        std::move(verified->rehashed));
    }

    Awaitable logout(const Request&, const Params&, const AdminContext& context) {
        std::function<Result<bool>(store::Database&)> job =
            [hash = context.session_hash,
             entry = audit_entry(context, "logout", "")](store::Database& db) -> Result<bool> {
            if (auto ended = store::delete_session(db, hash); !ended) return ended.error();
            if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
            return true;
        };
        auto done = co_await s_.store.writer().write<bool>(std::move(job));
        if (!done)
            co_return admin_notice(s_, context.language, 503, "admin.busy_title", "admin.busy");
        auto response = admin_redirect("/admin/login");
        response.set_header(
            "Set-Cookie",
            clear_admin_cookie(s_.site.cookies(), session_cookie_name(context.secure_cookies)));
        co_return response;
    }

  private:
    Response refuse(const Request& request, std::string_view reason, std::string_view text_key) {
        spdlog::info("{} reason={} path={} ip={}", log_event::admin_forbidden, reason,
                     log_text(request.path), request.client_ip);
        return admin_notice(s_, s_.site.language_of(request.headers), 403, "admin.forbidden_title",
                            text_key);
    }

    // The client's and the account's limits, and the account's wait after its failures:
    // one refusal whatever the reason, 429 with Retry-After, before anything is looked up.
    std::optional<Response> admit(const Request& request, const LoginForm& form,
                                  const accounts::LoginKeys& keys) {
        auto& limits = s_.login_limits;
        const auto now = shield::Clock::now();
        const auto by_subscriber = limits.per_ip.take(keys.subscriber, now);
        // A client already refused spends none of the account's tokens.
        const auto by_account =
            by_subscriber.allowed ? limits.per_account.take(keys.account, now) : by_subscriber;
        const auto admission = limits.failures.admit(keys.account, by_subscriber, by_account, now);
        if (admission.allowed()) return std::nullopt;
        const auto by = accounts::to_string(admission.refusal);
        spdlog::info("{} reason=rate_limited by={} email={} ip={}", log_event::admin_login_refused,
                     by, log_text(printable(form.email)), request.client_ip);
        const auto& lock_key = admission.refusal == accounts::LoginRefusal::subscriber_limited
                                   ? keys.subscriber
                                   : keys.account;
        if (limits.lock_entries.take(lock_key, now).allowed)
            write_audit({0, unix_now_ms(), std::nullopt, attempt_actor(form, keys), "login_locked",
                         std::string(locked_detail(admission.refusal)), request.client_ip});
        auto response = admin_notice(s_, s_.site.language_of(request.headers), 429,
                                     "admin.rate_limited_title", "admin.rate_limited");
        response.set_header("Retry-After", std::to_string(admission.retry_after.count()));
        return response;
    }

    static std::string_view locked_detail(accounts::LoginRefusal refusal) {
        switch (refusal) {
            case accounts::LoginRefusal::subscriber_limited:
                return "too many attempts from this address";
            case accounts::LoginRefusal::account_limited:
                return "too many attempts for this e-mail";
            case accounts::LoginRefusal::backing_off:
            case accounts::LoginRefusal::none:
                break;
        }
        return "waiting after failed logins for this e-mail";
    }

    // Who tried: the address in its account form, or what was typed when it is none.
    static accounts::Actor attempt_actor(const LoginForm& form, const accounts::LoginKeys& keys) {
        return accounts::Actor::login_attempt(keys.email ? *keys.email : printable(form.email));
    }

    Response failed(const Request& request, const LoginForm& form, const accounts::LoginKeys& keys,
                    const std::optional<store::User>& user, std::string_view why) {
        const auto outcome = s_.login_limits.failures.failed(
            keys.account, keys.network, user.has_value(), shield::Clock::now());
        spdlog::info("{} reason=credentials email={} failures={} ip={}",
                     log_event::admin_login_refused, log_text(printable(form.email)),
                     outcome.failures, request.client_ip);
        const auto now = unix_now_ms();
        std::vector<store::AuditEntry> entries{
            {0, now, user ? std::optional(user->id) : std::nullopt, attempt_actor(form, keys),
             "login_failed", std::string(why), request.client_ip}};
        std::vector<LoginAlertMail> mails;
        if (outcome.alert && keys.email) {
            mails = login_alert_mails(s_.site.config(), s_.pages.messages(), *keys.email,
                                      static_cast<std::int64_t>(outcome.failures),
                                      static_cast<std::int64_t>(outcome.networks));
            spdlog::warn("{} account={} failures={} networks={} mails={}",
                         log_event::admin_login_alert, *keys.email, outcome.failures,
                         outcome.networks, mails.size());
            for (const auto& mail : mails)
                entries.push_back({0, now, user->id, attempt_actor(form, keys),
                                   "login_alert_mailed", mail.to, request.client_ip});
        }
        // The alert and its audit entries in one transaction: no mail without its record.
        s_.store.writer().submit(
            [entries = std::move(entries), mails, from = s_.site.config().mail.from,
             now](store::Database& db) -> Result<void> {
                for (const auto& entry : entries)
                    if (auto logged = store::insert_audit(db, entry); !logged) return logged;
                for (const auto& mail : mails)
                    if (auto queued = store::enqueue_mail(db, "alert", from, mail.to, mail.message,
                                                          now / 1000);
                        !queued)
                        return queued.error();
                return {};
            },
            [queued = !mails.empty(), wake = s_.mail_queued](Result<void> done) {
                if (!done)
                    spdlog::error("{} error={}", log_event::store_write_failed,
                                  log_text(done.error().detail));
                else if (queued && wake)
                    wake();
            });
        // One message whatever was wrong: the page must not tell which accounts exist.
        return page(request, 422, form, {{"form", "admin.login_failed"}});
    }

    Awaitable open_session(const Request& request, const LoginForm& form,
                           const accounts::LoginKeys& keys, const store::User& user,
                           std::optional<std::int64_t> step, bool secure,
                           std::optional<std::string> rehashed) {
        // A new token at every login: a token planted before login is worth nothing after.
        const auto token = accounts::new_session_token();
        const auto now = unix_now_ms();
        const accounts::SessionTimeouts timeouts{s_.config().session_idle,
                                                 s_.config().session_lifetime};
        store::NewSession session{accounts::session_token_hash(token),
                                  user.id,
                                  accounts::new_csrf_token(),
                                  now,
                                  accounts::session_expiry_ms(now, timeouts),
                                  request.client_ip};
        store::AuditEntry entry{0,
                                now,
                                user.id,
                                accounts::Actor::account(user.id),
                                "login_ok",
                                step ? "password and code" : "password",
                                request.client_ip};
        const auto idle_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(timeouts.idle).count();
        std::function<Result<bool>(store::Database&)> job =
            [session, entry, step, idle_ms, rehashed = std::move(rehashed),
             must_change = user.must_change_password](store::Database& db) -> Result<bool> {
            if (step) {
                auto fresh = store::use_totp_step(db, session.user_id, *step);
                if (!fresh) return fresh.error();
                if (!*fresh) return false;  // another login took this code first
            }
            if (rehashed)
                if (auto set = store::set_password(db, session.user_id, *rehashed, must_change);
                    !set)
                    return set.error();
            if (auto stale = store::delete_stale_sessions(db, session.created_ms,
                                                          session.created_ms - idle_ms);
                !stale)
                return stale.error();
            if (auto opened = store::insert_session(db, session); !opened) return opened.error();
            if (auto logged = store::insert_audit(db, entry); !logged) return logged.error();
            return true;
        };
        auto opened = co_await s_.store.writer().write<bool>(std::move(job));
        if (!opened) {
            spdlog::error("{} error={}", log_event::store_write_failed,
                          log_text(opened.error().detail));
            co_return admin_notice(s_, s_.site.language_of(request.headers), 503,
                                   "admin.busy_title", "admin.busy");
        }
        if (!*opened) co_return failed(request, form, keys, user, "reused code");
        s_.login_limits.failures.succeeded(keys.account);
        spdlog::info("{} user={} ip={}", log_event::admin_login, user.id, request.client_ip);
        auto response = admin_redirect(user.must_change_password ? "/admin/password" : form.next);
        response.set_header(
            "Set-Cookie", set_admin_cookie(s_.site.cookies(), session_cookie_name(secure), token));
        co_return response;
    }

    void write_audit(store::AuditEntry entry) {
        s_.store.writer().submit(
            [entry = std::move(entry)](store::Database& db) {
                return store::insert_audit(db, entry);
            },
            [](Result<void>) {});
    }

    Response page(const Request& request, unsigned status, const LoginForm& form,
                  std::vector<LoginFieldError> errors) {
        const auto language = s_.site.language_of(request.headers);
        const auto& messages = s_.pages.messages();
        PageData data;
        data.set("form_email", form.email);
        data.set("next", form.next);
        data.set("csrf", form.csrf);
        for (const auto& error : errors)
            data.set("error_" + error.field, std::string(messages.text(language, error.key)));
        PageFrame frame;
        frame.title_key = "admin.login_title";
        frame.path = "/admin/login";
        Response response;
        response.status = status;
        response.body = http::Body(s_.pages.render("login", language, frame, std::move(data)));
        response.set_header("Cache-Control", "no-store");
        return response;
    }

    AdminServices& s_;
};

}  // namespace

void add_login_routes(http::Router& router, AdminServices& services) {
    auto handler = std::make_shared<LoginHandler>(services);
    router.add(http::Method::get, "/admin/login", "admin_login", back_office_route,
               [handler](const Request& request, const Params& params) {
                   return handler->show(request, params);
               });
    router.add(http::Method::post, "/admin/login", "admin_login_submit", back_office_route,
               [handler](const Request& request, const Params& params) {
                   return handler->submit(request, params);
               });
    add_admin_route_during_password_change(
        router, services, http::Method::post, "/admin/logout", "admin_logout",
        [handler](const Request& request, const Params& params, const AdminContext& context) {
            return handler->logout(request, params, context);
        });
}

}  // namespace rempart::admin
