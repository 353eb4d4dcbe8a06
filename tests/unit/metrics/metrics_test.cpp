// Tests for metrics: counting and the Prometheus text format.
#include "metrics/metrics.hpp"

#include <gtest/gtest.h>

#include "metrics/prometheus_text.hpp"

namespace rempart::metrics {
namespace {

TEST(Metrics, CountsRequestsByRouteAndStatus) {
    Registry registry;
    const auto home = registry.register_route("home");
    registry.count_request(home, 200, std::chrono::microseconds(300));
    registry.count_request(home, 200, std::chrono::microseconds(300));
    registry.count_request(home, 404, std::chrono::milliseconds(3));
    registry.count_request(home, 599, std::chrono::milliseconds(3));
    EXPECT_EQ(registry.requests(home, 200), 2u);
    const auto text = registry.render();
    EXPECT_NE(text.find("rempart_http_requests_total{route=\"home\",status=\"200\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("rempart_http_requests_total{route=\"home\",status=\"404\"} 1\n"),
              std::string::npos);
    EXPECT_NE(text.find("rempart_http_requests_total{route=\"home\",status=\"other\"} 1\n"),
              std::string::npos);
}

TEST(Metrics, HistogramBucketsAreCumulative) {
    Registry registry;
    const auto route = registry.register_route("page");
    registry.count_request(route, 200, std::chrono::microseconds(50));
    registry.count_request(route, 200, std::chrono::milliseconds(20));
    const auto text = registry.render();
    EXPECT_NE(
        text.find("rempart_http_request_duration_seconds_bucket{route=\"page\",le=\"0.0001\"} 1\n"),
        std::string::npos);
    EXPECT_NE(
        text.find("rempart_http_request_duration_seconds_bucket{route=\"page\",le=\"0.025\"} 2\n"),
        std::string::npos);
    EXPECT_NE(
        text.find("rempart_http_request_duration_seconds_bucket{route=\"page\",le=\"+Inf\"} 2\n"),
        std::string::npos);
    EXPECT_NE(text.find("rempart_http_request_duration_seconds_count{route=\"page\"} 2\n"),
              std::string::npos);
}

TEST(Metrics, RegisteringARouteTwiceGivesTheSameIndex) {
    Registry registry;
    EXPECT_EQ(registry.register_route("a"), registry.register_route("a"));
}

TEST(Metrics, LimitsAndConnectionsAreExposed) {
    Registry registry;
    registry.count_limit(LimitKind::header_bytes);
    registry.connection_opened();
    registry.connection_opened();
    registry.connection_closed();
    const auto text = registry.render();
    EXPECT_NE(text.find("rempart_limits_hit_total{kind=\"header_bytes\"} 1\n"), std::string::npos);
    EXPECT_NE(text.find("rempart_open_connections 1\n"), std::string::npos);
    EXPECT_NE(text.find("rempart_connections_accepted_total 2\n"), std::string::npos);
}

TEST(Metrics, CollectorsAppendTheirSeries) {
    Registry registry;
    registry.add_collector([](PrometheusText& text) {
        text.family("rempart_custom", MetricType::gauge, "A module's own series.").sample(7);
    });
    EXPECT_NE(registry.render().find("rempart_custom 7\n"), std::string::npos);
}

}  // namespace
}  // namespace rempart::metrics
