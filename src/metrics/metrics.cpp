// Counters and histograms for /metrics, and their Prometheus text rendering.
#include "metrics/metrics.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace rempart::metrics {
namespace {

template <class... Args>
void line(std::string& out, fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
}

}  // namespace

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

void Registry::add_collector(std::function<void(std::string&)> collect) {
    std::lock_guard lock(collectors_mutex_);
    collectors_.push_back(std::move(collect));
}

std::string Registry::render() const {
    std::string out;
    out.reserve(16 * 1024);

    line(out, "# HELP rempart_http_requests_total HTTP requests answered, by route and status.\n");
    line(out, "# TYPE rempart_http_requests_total counter\n");
    for (std::size_t r = 0; r < route_names_.size(); ++r) {
        for (std::size_t s = 0; s < statuses.size(); ++s) {
            const auto n = routes_[r].by_status[s].load(std::memory_order_relaxed);
            if (n == 0) continue;
            if (statuses[s] == 0)
                line(out, "rempart_http_requests_total{{route=\"{}\",status=\"other\"}} {}\n",
                     route_names_[r], n);
            else
                line(out, "rempart_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                     route_names_[r], statuses[s], n);
        }
    }

    line(
        out,
        "# HELP rempart_http_request_duration_seconds Time from a full request to its response.\n");
    line(out, "# TYPE rempart_http_request_duration_seconds histogram\n");
    for (std::size_t r = 0; r < route_names_.size(); ++r) {
        const auto& series = routes_[r];
        std::uint64_t cumulative = 0;
        for (std::size_t b = 0; b < latency_bounds.size(); ++b) {
            cumulative += series.buckets[b].load(std::memory_order_relaxed);
            line(out, "rempart_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                 route_names_[r], latency_bounds[b], cumulative);
        }
        cumulative += series.buckets[latency_bounds.size()].load(std::memory_order_relaxed);
        line(out, "rempart_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
             route_names_[r], cumulative);
        line(out, "rempart_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n",
             route_names_[r],
             static_cast<double>(series.latency_ns_sum.load(std::memory_order_relaxed)) / 1e9);
        line(out, "rempart_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
             route_names_[r], cumulative);
    }

    line(out, "# HELP rempart_open_connections Client connections open now.\n");
    line(out, "# TYPE rempart_open_connections gauge\n");
    line(out, "rempart_open_connections {}\n", open_connections());
    line(out, "# HELP rempart_connections_accepted_total Client connections accepted.\n");
    line(out, "# TYPE rempart_connections_accepted_total counter\n");
    line(out, "rempart_connections_accepted_total {}\n",
         accepted_connections_.load(std::memory_order_relaxed));

    line(out,
         "# HELP rempart_limits_hit_total Requests or connections refused or cut by a limit.\n");
    line(out, "# TYPE rempart_limits_hit_total counter\n");
    for (std::size_t k = 0; k < limits_.size(); ++k)
        line(out, "rempart_limits_hit_total{{kind=\"{}\"}} {}\n",
             to_string(static_cast<LimitKind>(k)), limits_[k].load(std::memory_order_relaxed));

    std::lock_guard lock(collectors_mutex_);
    for (const auto& collect : collectors_) collect(out);
    return out;
}

}  // namespace rempart::metrics
