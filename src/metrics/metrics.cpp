// Counters and histograms for /metrics, and the families they show there.
#include "metrics/metrics.hpp"

#include <stdexcept>

#include "metrics/prometheus_text.hpp"

namespace rempart::metrics {

std::string_view to_string(LimitKind kind) {
    switch (kind) {
        case LimitKind::header_bytes:
            return "header_bytes";
        case LimitKind::body_bytes:
            return "body_bytes";
        case LimitKind::header_timeout:
            return "header_timeout";
        case LimitKind::body_timeout:
            return "body_timeout";
        case LimitKind::idle_timeout:
            return "idle_timeout";
        case LimitKind::write_timeout:
            return "write_timeout";
        case LimitKind::connections_total:
            return "connections_total";
        case LimitKind::connections_per_ip:
            return "connections_per_ip";
        case LimitKind::requests_per_connection:
            return "requests_per_connection";
        case LimitKind::malformed_request:
            return "malformed_request";
        case LimitKind::count_:
            break;
    }
    return "unknown";
}

Registry::Registry() {
    route_names_.reserve(max_routes);
}

std::size_t Registry::register_route(std::string name) {
    for (std::size_t i = 0; i < route_names_.size(); ++i)
        if (route_names_[i] == name) return i;
    // Routes are registered before the first request, so the vector never reallocates
    // while requests read it.
    if (route_names_.size() == max_routes) throw std::logic_error("too many routes for metrics");
    route_names_.push_back(std::move(name));
    return route_names_.size() - 1;
}

std::size_t Registry::status_slot(unsigned status) {
    for (std::size_t i = 0; i + 1 < statuses.size(); ++i)
        if (statuses[i] == status) return i;
    return statuses.size() - 1;
}

void Registry::count_request(std::size_t route, unsigned status, std::chrono::nanoseconds latency) {
    if (route >= route_names_.size()) return;
    auto& series = routes_[route];
    series.by_status[status_slot(status)].fetch_add(1, std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(latency).count();
    std::size_t bucket = 0;
    while (bucket < latency_bounds.size() && seconds > latency_bounds[bucket]) ++bucket;
    series.buckets[bucket].fetch_add(1, std::memory_order_relaxed);
    series.latency_ns_sum.fetch_add(static_cast<std::uint64_t>(latency.count()),
                                    std::memory_order_relaxed);
}

void Registry::count_limit(LimitKind kind) {
    limits_[static_cast<std::size_t>(kind)].fetch_add(1, std::memory_order_relaxed);
}

void Registry::connection_opened() {
    open_connections_.fetch_add(1, std::memory_order_relaxed);
    accepted_connections_.fetch_add(1, std::memory_order_relaxed);
}

void Registry::connection_closed() {
    open_connections_.fetch_sub(1, std::memory_order_relaxed);
}

std::int64_t Registry::open_connections() const {
    return open_connections_.load(std::memory_order_relaxed);
}

std::uint64_t Registry::limit_hits(LimitKind kind) const {
    return limits_[static_cast<std::size_t>(kind)].load(std::memory_order_relaxed);
}

std::uint64_t Registry::requests(std::size_t route, unsigned status) const {
    if (route >= route_names_.size()) return 0;
    return routes_[route].by_status[status_slot(status)].load(std::memory_order_relaxed);
}

void Registry::add_collector(std::function<void(PrometheusText&)> collect) {
    std::lock_guard lock(collectors_mutex_);
    collectors_.push_back(std::move(collect));
}

std::string Registry::render() const {
    PrometheusText text;

    auto& requests = text.family("rempart_http_requests_total", MetricType::counter,
                                 "HTTP requests answered, by route and status.");
    for (std::size_t r = 0; r < route_names_.size(); ++r) {
        for (std::size_t s = 0; s < statuses.size(); ++s) {
            const auto n = routes_[r].by_status[s].load(std::memory_order_relaxed);
            if (n == 0) continue;
            const auto status =
                statuses[s] == 0 ? std::string("other") : std::to_string(statuses[s]);
            requests.sample({{"route", route_names_[r]}, {"status", status}}, n);
        }
    }

    auto& durations = text.family("rempart_http_request_duration_seconds", MetricType::histogram,
                                  "Time from a full request to its response.");
    for (std::size_t r = 0; r < route_names_.size(); ++r) {
        const auto& series = routes_[r];
        std::array<std::uint64_t, latency_bounds.size()> cumulative{};
        std::uint64_t count = 0;
        for (std::size_t b = 0; b < latency_bounds.size(); ++b) {
            count += series.buckets[b].load(std::memory_order_relaxed);
            cumulative[b] = count;
        }
        count += series.buckets[latency_bounds.size()].load(std::memory_order_relaxed);
        const auto seconds =
            static_cast<double>(series.latency_ns_sum.load(std::memory_order_relaxed)) / 1e9;
        durations.histogram({{"route", route_names_[r]}}, {.bounds = latency_bounds,
                                                           .cumulative = cumulative,
                                                           .count = count,
                                                           .sum = Value::fixed(seconds, 6)});
    }

    text.family("rempart_open_connections", MetricType::gauge, "Client connections open now.")
        .sample(open_connections());
    text.family("rempart_connections_accepted_total", MetricType::counter,
                "Client connections accepted.")
        .sample(accepted_connections_.load(std::memory_order_relaxed));

    auto& limits = text.family("rempart_limits_hit_total", MetricType::counter,
                               "Requests or connections refused or cut by a limit.");
    for (std::size_t k = 0; k < limits_.size(); ++k)
        limits.sample({{"kind", to_string(static_cast<LimitKind>(k))}},
                      limits_[k].load(std::memory_order_relaxed));

    std::lock_guard lock(collectors_mutex_);
    for (const auto& collect : collectors_) collect(text);
    return text.text();
}

}  // namespace rempart::metrics
