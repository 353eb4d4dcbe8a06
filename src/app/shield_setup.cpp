// Builds the front door from the config and wires in its gate page, its clock and its metrics.
#include "app/shield_setup.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "metrics/prometheus_text.hpp"

namespace rempart::app {
namespace asio = boost::asio;
shield::FrontDoorSettings front_door_settings(const Config& config) {
    auto settings = config.front_door;
    // The households of the big eyeball ISPs are a crowd, never one sender: the same
    // networks the detector treats so ([detect] eyeball_networks).
    for (auto* family : {&settings.pages, &settings.api, &settings.sign})
        family->unlimited_ases = config.defence.detector.large_networks;
    return settings;
}

ShieldSetup set_up_shield(const Config& config, const std::string& secret,
                          const shield::AsnTable* asns, const store::Readers& readers,
                          const web::Site& site) {
    ShieldSetup setup;
    setup.loop_lag = std::make_unique<net::LoopLag>();
    setup.clearance = std::make_unique<shield::Clearance>(secret, config.gate.clearance_lifetime,
                                                          config.gate.wait);
    auto pressure = [lag = setup.loop_lag.get(), &readers] {
        return shield::Pressure{lag->current(), readers.waiting()};
    };
    setup.front_door = std::make_unique<shield::FrontDoor>(front_door_settings(config),
                                                           *setup.clearance, asns, pressure);
    setup.gate_page = std::make_unique<web::GatePage>(site, *setup.clearance);
    setup.spent_tickets = std::make_unique<shield::SpentTickets>(shield::ticket_lifetime_ms);
    return setup;
}

void add_shield_metrics(metrics::Registry& metrics, const shield::FrontDoor& front_door) {
    metrics.add_collector([&front_door](metrics::PrometheusText& text) {
        using metrics::MetricType;
        auto& decisions =
            text.family("rempart_shield_decisions_total", MetricType::counter,
                        "What the shield decided, request by request, before any handler.");
        for (std::size_t i = 0; i < shield::decision_count; ++i) {
            const auto decision = static_cast<shield::Decision>(i);
            decisions.sample({{"decision", shield::to_string(decision)}},
                             front_door.decisions(decision));
        }
        const auto status = front_door.status();
        text.family("rempart_gate_on", MetricType::gauge, "1 while the under-attack gate stands.")
            .sample(status.on ? 1 : 0);
        text.family("rempart_gate_switches_total", MetricType::counter,
                    "Times the gate went on or off.")
            .sample(front_door.gate_switches());
        text.family("rempart_gate_clearances_issued_total", MetricType::counter,
                    "Clearance cookies given to visitors who passed the gate.")
            .sample(front_door.clearances_issued());
        text.family("rempart_shield_usual_requests_per_second", MetricType::gauge,
                    "The usual rate the shield learnt from calm seconds.")
            .sample(status.usual_rate);
        text.family("rempart_shield_tracked_keys", MetricType::gauge,
                    "Addresses, networks, ASes and clearances the shield keeps counts for.")
            .sample(front_door.tracked_keys());
        const auto pressure = front_door.pressure();
        text.family("rempart_loop_lag_seconds", MetricType::gauge,
                    "How late the io threads run their timers.")
            .sample(static_cast<double>(pressure.loop_lag.count()) / 1000.0);
        text.family("rempart_store_read_queue", MetricType::gauge,
                    "Reads waiting for a database connection.")
            .sample(pressure.read_queue);
    });
}

asio::awaitable<void> run_shield_clock(shield::FrontDoor& front_door) {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    std::array<std::uint64_t, shield::decision_count> seen{};
    for (std::size_t i = 0; i < seen.size(); ++i)
        seen[i] = front_door.decisions(static_cast<shield::Decision>(i));
    for (;;) {
        timer.expires_after(std::chrono::seconds(1));
        auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (ec) co_return;
        if (const auto changed = front_door.tick(unix_now_ms())) {
            spdlog::warn("{} on={} mode={} reason={} usual_rps={:.1f}", log_event::gate_switched,
                         changed->on, shield::to_string(changed->mode),
                         changed->reason.empty() ? "calm" : changed->reason, changed->usual_rate);
        }
        // Refusals are counted, not logged one by one: a flood would fill the disk.
        std::array<std::uint64_t, shield::decision_count> now{};
        std::uint64_t refused = 0;
        for (std::size_t i = 0; i < now.size(); ++i) {
            now[i] = front_door.decisions(static_cast<shield::Decision>(i));
            if (i != static_cast<std::size_t>(shield::Decision::pass)) refused += now[i] - seen[i];
        }
        if (refused > 0) {
            const auto delta = [&](shield::Decision d) {
                const auto i = static_cast<std::size_t>(d);
                return now[i] - seen[i];
            };
            using D = shield::Decision;
            spdlog::info(
                "{} passed={} limited_ip={} limited_network={} limited_as={} "
                "limited_clearance={} gated={} shed={}",
                log_event::shield_refused, delta(D::pass), delta(D::limited_ip),
                delta(D::limited_network), delta(D::limited_as), delta(D::limited_clearance),
                delta(D::gated), delta(D::shed));
        }
        seen = now;
    }
}

}  // namespace rempart::app
