// The under-attack gate's page and the routes that let a visitor through.
#include "web/gate.hpp"

#include "core/clock.hpp"
#include "core/text.hpp"
#include "http/cookies.hpp"
#include "http/target.hpp"
#include "shield/network.hpp"
#include "web/handler_names.hpp"

namespace rempart::web {
namespace {

constexpr std::string_view wait_mark = "@@GATE_WAIT@@";
constexpr std::string_view next_mark = "@@GATE_NEXT@@";

// Where a visitor goes once through: a path of this site, never the gate itself.
std::string next_of(const Request& request) {
    const auto form = request.method == Method::post ? http::parse_form(request.body)
                                                     : http::parse_form(request.query);
    const auto next = form ? http::form_value(*form, "next").value_or("/") : "/";
    auto path = http::local_path_or_root(next);
    return path.starts_with("/gate/") ? "/" : path;
}

Response through(const Site& site, shield::FrontDoor& front_door, const Request& request,
                 std::string_view next) {
    const auto& clearance = front_door.clearance();
    const auto cookie = clearance.issue(shield::wide_network(request.client_ip), unix_now());
    front_door.count_clearance_issued();
    Response response;
    response.status = 303;
    response.set_header("Location", std::string(next));
    response.set_header("Cache-Control", "no-store");
    http::CookieOptions options;
    options.max_age = clearance.lifetime();
    response.set_header("Set-Cookie", site.cookies().set_cookie(clearance_cookie, cookie, options));
    return response;
}

}  // namespace

GatePage::GatePage(const Site& site, const shield::Clearance& clearance)
    : site_(site), clearance_(clearance), rendered_(render_all()) {}

std::shared_ptr<const GatePage::Rendered> GatePage::render_all() const {
    auto rendered = std::make_shared<Rendered>();
    // The settings first, then the view: should an admin save between the two, the pages are
    // newer than the settings they are filed under, and render again at the next call.
    rendered->settings = site_.live_settings().current();
    const auto view = site_.view();
    const auto wait = static_cast<int>(std::max<std::int64_t>(1, clearance_.wait().count()));
    for (const auto language : render::all_languages) {
        for (const auto notice : {Notice::none, Notice::failed, Notice::wait_more}) {
            const auto html = render::render_gate(view, language, wait,
                                                  notice == Notice::failed      ? "gate.failed"
                                                  : notice == Notice::wait_more ? "gate.wait_more"
                                                                                : "");
            const auto at_wait = html.find(wait_mark);
            const auto at_next = html.find(next_mark);
            auto& parts =
                rendered
                    ->parts[static_cast<std::size_t>(language)][static_cast<std::size_t>(notice)];
            parts.head = html.substr(0, at_wait);
            parts.middle =
                html.substr(at_wait + wait_mark.size(), at_next - at_wait - wait_mark.size());
            parts.tail = html.substr(at_next + next_mark.size());
        }
    }
    return rendered;
}

std::shared_ptr<const GatePage::Rendered> GatePage::current() const {
    auto rendered = rendered_.load();
    if (rendered->settings == site_.live_settings().current()) return rendered;
    // Two threads may both render after a change; either result is right.
    rendered = render_all();
    rendered_.store(rendered);
    return rendered;
}

Response GatePage::response(const Request& request, std::string_view next,
                            std::optional<std::string_view> ticket, Notice notice) const {
    const auto language = site_.language_of(request.headers);
    const auto rendered = current();
    const auto& parts =
        rendered->parts[static_cast<std::size_t>(language)][static_cast<std::size_t>(notice)];
    const auto fresh =
        ticket ? std::string()
               : clearance_.ticket(shield::wide_network(request.client_ip), unix_now_ms());
    const auto wait_url = "/gate/wait?ticket=" + percent_encode(ticket ? *ticket : fresh) +
                          "&next=" + percent_encode(next, "/");
    const auto next_html = html_escape(next);
    std::string body;
    body.reserve(parts.head.size() + parts.middle.size() + parts.tail.size() + 256);
    body.append(parts.head).append(html_escape(wait_url)).append(parts.middle);
    body.append(next_html).append(parts.tail);

    Response response;
    response.status = notice == Notice::failed ? 403 : 503;
    response.set_header("Retry-After", std::to_string(clearance_.wait().count()));
    response.set_header("X-Rempart-Gate", "challenge");
    response.set_header("Cache-Control", "no-store");
    response.set_header("Vary", "Accept-Language, Cookie");
    response.body = http::Body(std::move(body));
    return response;
}

void add_gate_routes(http::Router& router, GateServices& services) {
    // The way through the gate is never behind it, nor shed.
    constexpr auto way_through =
        http::never_gated(http::Priority::critical, http::TrafficFamily::page);
    router.add(Method::get, "/gate/challenge", "gate_challenge", way_through,
               [&services](const Request&, const Params&) -> Awaitable {
                   const auto now = unix_now();
                   const auto challenge = services.pow.create(
                       services.config.pow_max_number, now + 600, shield::ChallengeUse::gate);
                   Response response;
                   response.content_type = "application/json";
                   response.set_header("Cache-Control", "no-store");
                   response.body = http::Body(shield::to_json(challenge));
                   co_return response;
               });

    router.add(
        Method::post, "/gate/pass", "gate_pass", way_through,
        [&services](const Request& request, const Params&) -> Awaitable {
            const auto next = next_of(request);
            const auto form = http::parse_form(request.body);
            const auto payload = form ? http::form_value(*form, "altcha").value_or("") : "";
            shield::PowClaims claims;
            const auto verdict = services.pow.verify(payload, unix_now(), &claims);
            // A signing form's challenge does not open the gate.
            if (verdict != shield::PowVerdict::accepted || claims.use != shield::ChallengeUse::gate)
                co_return services.page.response(request, next, std::nullopt,
                                                 GatePage::Notice::failed);
            co_return through(services.site, services.front_door, request, next);
        });

    router.add(Method::get, "/gate/wait", "gate_wait", way_through,
               [&services](const Request& request, const Params&) -> Awaitable {
                   const auto next = next_of(request);
                   const auto query = http::parse_form(request.query);
                   const auto ticket = query ? http::form_value(*query, "ticket").value_or("") : "";
                   const auto now_ms = unix_now_ms();
                   const auto check = services.front_door.clearance().redeem(
                       ticket, shield::wide_network(request.client_ip), now_ms);
                   switch (check.verdict) {
                       case shield::TicketVerdict::redeemed:
                           // Once only: a ticket used again gets what a stale one gets, a
                           // fresh ticket and the wait again.
                           if (!services.spent_tickets.spend(check.issued_ms, check.nonce, now_ms))
                               co_return services.page.response(request, next);
                           co_return through(services.site, services.front_door, request, next);
                       case shield::TicketVerdict::too_early:
                           // Keep the ticket: a fresh one would make the wait start over.
                           co_return services.page.response(request, next, ticket,
                                                            GatePage::Notice::wait_more);
                       default:
                           co_return services.page.response(request, next);
                   }
               });
}

}  // namespace rempart::web
