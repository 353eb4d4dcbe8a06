// Turns a request into a response: target checks, routing, the origin check, the handler,
// metrics, the log line.
#include "app/dispatch.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

#include "app/route_policy.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "http/target.hpp"
#include "metrics/prometheus_text.hpp"

namespace rempart::app {

namespace {

using http::OriginVerdict;

// The verdicts that refuse, in the order of the log line and the metrics.
constexpr std::array<OriginVerdict, 4> refusing_verdicts = {
    OriginVerdict::foreign_origin, OriginVerdict::null_origin, OriginVerdict::cross_site_fetch,
    OriginVerdict::foreign_referer};

}  // namespace

Dispatcher::Dispatcher(http::Router router, metrics::Registry& metrics, std::string base_url,
                       ErrorPage error_page, Guard guard)
    : router_(std::move(router)),
      metrics_(metrics),
      base_url_(std::move(base_url)),
      error_page_(std::move(error_page)),
      guard_(std::move(guard)) {
    for (auto& route : router_.routes()) {
        route.metric_index = metrics_.register_route(route.name);
        classes_.push_back(route_class(route.name));
    }
    unrouted_metric_ = metrics_.register_route("unrouted");
    unrouted_class_ = route_class("unrouted");
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
            match.route == nullptr
                ? unrouted_class_
                : classes_[static_cast<std::size_t>(match.route - router_.routes().data())];
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

void add_origin_metrics(metrics::Registry& metrics, const OriginRefusals& refusals) {
    metrics.add_collector([&refusals](metrics::PrometheusText& text) {
        auto& refused = text.family("rempart_origin_refused_total", metrics::MetricType::counter,
                                    "Requests that would change something, refused before their "
                                    "handler for coming from another site.");
        for (const auto verdict : refusing_verdicts)
            refused.sample({{"verdict", to_string(verdict)}}, refusals.of(verdict));
    });
}

boost::asio::awaitable<void> run_origin_log(const OriginRefusals& refusals) {
    namespace asio = boost::asio;
    asio::steady_timer timer(co_await asio::this_coro::executor);
    std::array<std::uint64_t, refusing_verdicts.size()> seen{};
    for (std::size_t i = 0; i < seen.size(); ++i) seen[i] = refusals.of(refusing_verdicts[i]);
    for (;;) {
        timer.expires_after(std::chrono::seconds(1));
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        std::array<std::uint64_t, refusing_verdicts.size()> now{};
        std::uint64_t refused = 0;
        for (std::size_t i = 0; i < now.size(); ++i) {
            now[i] = refusals.of(refusing_verdicts[i]);
            refused += now[i] - seen[i];
        }
        if (refused > 0)
            spdlog::info(
                "{} foreign_origin={} null_origin={} cross_site_fetch={} foreign_referer={}",
                log_event::origin_refused, now[0] - seen[0], now[1] - seen[1], now[2] - seen[2],
                now[3] - seen[3]);
        seen = now;
    }
}

}  // namespace rempart::app
