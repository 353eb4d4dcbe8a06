// Counters and histograms for /metrics, cheap enough to update on every request.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::metrics {

class PrometheusText;

// Why the server refused or cut a client; one counter each.
enum class LimitKind {
    header_bytes,
    body_bytes,
    header_timeout,
    body_timeout,
    idle_timeout,
    write_timeout,
    connections_total,
    connections_per_ip,
    requests_per_connection,
    malformed_request,
    count_  // not a kind
};

std::string_view to_string(LimitKind kind);

class Registry {
  public:
    static constexpr std::size_t max_routes = 256;  // the server registers about 130
    // Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 14> latency_bounds = {
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

    Registry();

    // Routes are named once at start; the returned index is used on every request.
    std::size_t register_route(std::string name);
    void count_request(std::size_t route, unsigned status, std::chrono::nanoseconds latency);
    void count_limit(LimitKind kind);
    void connection_opened();
    void connection_closed();
    std::int64_t open_connections() const;
    std::uint64_t limit_hits(LimitKind kind) const;
    std::uint64_t requests(std::size_t route, unsigned status) const;

    // Other modules add their own families (signatures by state, ...) at render time.
    void add_collector(std::function<void(PrometheusText&)> collect);

    // Prometheus text exposition format, version 0.0.4.
    std::string render() const;

  private:
    static constexpr std::array<unsigned, 22> statuses = {
        200, 201, 204, 301, 302, 303, 304, 400, 403, 404, 405,
        408, 409, 413, 415, 422, 429, 431, 500, 501, 503, 0 /* any other */};
    static std::size_t status_slot(unsigned status);

    struct RouteSeries {
        std::array<std::atomic<std::uint64_t>, statuses.size()> by_status{};
        std::array<std::atomic<std::uint64_t>, latency_bounds.size() + 1> buckets{};
        std::atomic<std::uint64_t> latency_ns_sum{0};
    };

    std::vector<std::string> route_names_;
    std::array<RouteSeries, max_routes> routes_{};
    std::array<std::atomic<std::uint64_t>, static_cast<std::size_t>(LimitKind::count_)> limits_{};
    std::atomic<std::int64_t> open_connections_{0};
    std::atomic<std::uint64_t> accepted_connections_{0};
    mutable std::mutex collectors_mutex_;
    std::vector<std::function<void(PrometheusText&)>> collectors_;
};

}  // namespace rempart::metrics
