// Turns a request into a response: target checks, routing, the origin check, the handler,
// metrics, the log line.
#include "server/dispatch.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/request_origin.hpp"
#include "http/target.hpp"

namespace rempart::server {

using http::OriginVerdict;

Dispatcher::Dispatcher(http::Router router, metrics::Registry& metrics, std::string base_url,
                       ErrorPage error_page, Guard guard)
    : router_(std::move(router)),
      metrics_(metrics),
      base_url_(std::move(base_url)),
      error_page_(std::move(error_page)),
      guard_(std::move(guard)) {
    for (auto& route : router_.routes()) route.metric_index = metrics_.register_route(route.name);
    unrouted_metric_ = metrics_.register_route("unrouted");
}

boost::asio::awaitable<http::Response> Dispatcher::handle(http::Request& request) const {
    const auto started = std::chrono::steady_clock::now();
    std::size_t metric = unrouted_metric_;
    std::string_view route_name = "unrouted";
    http::Response response;
    bool failed = false;

    bool refused = false;  // by the guard or the origin check: counted, not logged line by line
    auto target = http::parse_target(request.target);
    if (!target) {
        response = error_page_(400, request.headers, request.target);
    } else {
        request.path = std::move(target->path);
        request.query = target->query;
        auto match = router_.match(request.method, request.path);
        // Unknown paths pass the guard too: a flood of 404s is still a flood.
        const auto& route_class =
            match.route == nullptr ? unrouted_class : match.route->route_class;
        if (match.route != nullptr) {
            metric = match.route->metric_index;
            route_name = match.route->name;
        }
        auto guarded = guard_ ? guard_(request, route_class) : std::nullopt;
        if (guarded) {
            response = std::move(*guarded);
            refused = true;
        } else if (match.route == nullptr && !match.allow.empty()) {
            response = error_page_(405, request.headers, request.target);
            response.set_header("Allow", match.allow);
        } else if (match.route == nullptr) {
            response = error_page_(404, request.headers, request.target);
        } else if (const auto origin = http::changes_state(request.method)
                                           ? http::check_request_origin(request.headers, base_url_)
                                           : OriginVerdict::same_site;
                   http::refuses(origin)) {
            // Before every handler, public or back office: a page elsewhere must not make
            // its visitors sign, confirm, withdraw or act in the back office.
            response = error_page_(403, request.headers, request.target);
            origin_refusals_.count(origin);
            refused = true;
        } else {
            try {
                response = co_await match.route->handler(request, match.params);
            } catch (const std::exception& e) {
                spdlog::error("{} id={} route={} error={}", log_event::http_handler_failed,
                              request.request_id, route_name, log_text(e.what()));
                failed = true;
            }
        }
    }
    // Outside the catch block: rendering the error page may itself need to co_await later.
    if (failed) response = error_page_(500, request.headers, request.target);

    const auto elapsed = std::chrono::steady_clock::now() - started;
    metrics_.count_request(metric, response.status, elapsed);
    if (refused || response.summarised) co_return response;
    spdlog::info("{} id={} ip={} method={} route={} status={} bytes={} us={}",
                 log_event::http_request, request.request_id, request.client_ip,
                 request.method_text, route_name, response.status, response.body.size(),
                 std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
    co_return response;
}

}  // namespace rempart::server
