// Requests refused for coming from another site: the metric and the log line a second.
#include "server/origin_refusals.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <string>

#include "core/log_events.hpp"
#include "metrics/prometheus_text.hpp"

namespace rempart::server {

namespace {

using http::OriginVerdict;

// The verdicts that refuse, in the order of the log line and the metrics.
constexpr std::array<OriginVerdict, 4> refusing_verdicts = {
    OriginVerdict::foreign_origin, OriginVerdict::null_origin, OriginVerdict::cross_site_fetch,
    OriginVerdict::foreign_referer};

}  // namespace

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

}  // namespace rempart::server
