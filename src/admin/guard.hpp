// The back office's front door for every page: who is logged in, with what role, and the
// checks every admin route gets (session, CSRF, role, no-store). Where a request comes from
// (Origin and the like) is checked for every route before this, by the dispatcher.
//
// A page of the back office is registered with add_admin_route; its handler runs only for a
// live session whose role may do the route's action, and gets an AdminContext:
//
//   add_admin_route(router, services, http::Method::get, "/admin/incidents", "admin_incidents",
//                   accounts::Action::view_incidents,
//                   [&services](const http::Request&, const http::Params&,
//                               const AdminContext& context) ->
//                               boost::asio::awaitable<http::Response> {
//                       PageData data;
//                       data.set("incidents", ...);
//                       co_return admin_page(services, context, 200, "admin.incidents_title",
//                                            "incidents", std::move(data));
//                   });
//
// Forms carry the token as a hidden field: <input type="hidden" name="csrf" value="{{csrf}}">.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accounts/login_failures.hpp"
#include "accounts/role.hpp"
#include "accounts/settings.hpp"
#include "admin/admin_pages.hpp"
#include "admin/password_pool.hpp"
#include "admin/pool_share.hpp"
#include "core/clock.hpp"
#include "http/router.hpp"
#include "petitions/geography.hpp"
#include "petitions/validate.hpp"
#include "render/i18n.hpp"
#include "shield/rate_limit.hpp"
#include "store/audit_repository.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::admin {

// The names every back-office handler is written with.
using http::Params;
using http::Request;
using http::Response;
using Awaitable = boost::asio::awaitable<http::Response>;

struct AdminUser {
    std::int64_t id = 0;
    std::string email;
    accounts::Role role = accounts::Role::moderator;
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

// What a guarded handler knows about the request beyond the request itself.
struct AdminContext {
    AdminUser user;
    std::string csrf_token;  // this session's: write it into every form
    render::Language language = render::Language::fr;
    std::string ip;               // the client's, for the audit log
    std::string session_hash;     // the store's key of this session (never the cookie)
    bool secure_cookies = false;  // HTTPS as the browser sees it
    FormFields form;              // a POST's fields, read and checked once by the guard
};

// Login attempts per client (IPv4 address, IPv6 /64) and per account tried, failures per
// account, and each network's share of the password pool, from [admin] in the config.
struct LoginLimits {
    explicit LoginLimits(const accounts::AdminSettings& config);
    shield::TokenBuckets per_ip;
    shield::TokenBuckets per_account;
    accounts::LoginFailures failures;
    PoolShares pool_shares;
    // One audit entry a minute per locked key: a client hammering a locked door must not
    // turn each knock into a write.
    shield::TokenBuckets lock_entries;
};

// What the back office needs, owned by the caller and alive as long as the routes.
struct AdminServices {
    const web::Site& site;
    store::Store& store;
    PasswordPool& passwords;
    const AdminPages& pages;
    LoginLimits& login_limits;
    std::function<void()> mail_queued;     // wakes the outbox after an alert is queued
    const Geography* geography = nullptr;  // names of départements and régions, when loaded
    std::string link_secret = {};  // signs the links mailed to signers (the newsletter's)
    const accounts::AdminSettings& config() const { return site.config().admin; }
};

// The class of every back-office route, the login's included: never gated, so that whoever
// turns the gate off can reach the button, never shed, and limited as pages.
inline constexpr http::RouteClass back_office_route =
    http::never_gated(http::Priority::high, http::TrafficFamily::page);

using AdminHandler = std::function<boost::asio::awaitable<http::Response>(
    const http::Request&, const http::Params&, const AdminContext&)>;

// Registers a back-office route, of class back_office_route. Before `handler` runs:
// - no live session (none, unknown, idle too long, too old, account disabled): a GET or
//   HEAD is sent (303) to /admin/login?next=<this path>, anything else gets 403;
// - a POST without this session's token in its `csrf` field gets 403; an unreadable form
//   400 (one from another site never gets here: see http/request_origin.hpp);
// - an account still on its one-time password is sent to /admin/password;
// - a role that may not do `needs` gets 403.
// Every response, the handler's included, carries Cache-Control: no-store.
void add_admin_route(http::Router& router, AdminServices& services, http::Method method,
                     std::string pattern, std::string name, accounts::Action needs,
                     AdminHandler handler);

// The password page itself must be reachable while the password is a one-time one.
void add_admin_route_during_password_change(http::Router& router, AdminServices& services,
                                            http::Method method, std::string pattern,
                                            std::string name, AdminHandler handler);

// A page of templates/admin/<content>.mustache in the admin layout, with the viewer's
// navigation and the shared fields (see AdminPages::render), as a no-store response.
http::Response admin_page(const AdminServices& services, const AdminContext& context,
                          unsigned status, std::string_view title_key, std::string_view content,
                          PageData data = {});

// A refusal or a notice (templates/admin/notice.mustache) in the admin layout, for
// someone who may not be logged in: 403, 429, 503 and the like.
http::Response admin_notice(const AdminServices& services, render::Language language,
                            unsigned status, std::string_view title_key, std::string_view text_key);

http::Response admin_redirect(std::string location);

// An entry of the audit log by the context's user. Write it in the same job as the
// change it records (store::insert_audit) so that neither exists without the other.
store::AuditEntry audit_entry(const AdminContext& context, std::string action, std::string detail);
// The same, written alone; resumes after the commit.
boost::asio::awaitable<Result<void>> record_audit(AdminServices& services,
                                                  const AdminContext& context, std::string action,
                                                  std::string detail);

// The words of `key` in the viewer's language.
std::string say(const AdminServices& services, const AdminContext& context, std::string_view key);

// A form's errors on its page: each beside its field (error_<field>) and listed above the
// form (errors, has_errors), in the viewer's language.
void set_field_errors(PageData& data, const AdminServices& services, const AdminContext& context,
                      const std::vector<FieldError>& errors);

// "2026-11-25 10:02 UTC", as every back-office page writes times.
std::string utc_time(std::int64_t ms);
// A positive id from a path segment, or 0.
std::int64_t id_of(std::string_view text);

}  // namespace rempart::admin
