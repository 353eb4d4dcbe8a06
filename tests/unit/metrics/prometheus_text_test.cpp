// Tests for the Prometheus text writer: families, ordering, escaping, numbers.
#include "metrics/prometheus_text.hpp"

#include <gtest/gtest.h>

#include <array>
#include <stdexcept>

namespace rempart::metrics {
namespace {

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

TEST(PrometheusText, AFamilyStartsWithItsHelpAndType) {
    PrometheusText text;
    auto& mail = text.family("rempart_mail_total", MetricType::counter, "Mails sent.");
    mail.sample({{"outcome", "sent"}}, 3);
    mail.sample({{"outcome", "failed"}}, 0);
    EXPECT_EQ(text.text(),
              "# HELP rempart_mail_total Mails sent.\n"
              "# TYPE rempart_mail_total counter\n"
              "rempart_mail_total{outcome=\"sent\"} 3\n"
              "rempart_mail_total{outcome=\"failed\"} 0\n");
}

TEST(PrometheusText, AFamilyWithNoSamplesKeepsItsHelpAndType) {
    PrometheusText text;
    text.family("rempart_http_requests_total", MetricType::counter, "Requests.");
    text.family("rempart_gate_on", MetricType::gauge, "Gate.").sample(1);
    EXPECT_EQ(text.text(),
              "# HELP rempart_http_requests_total Requests.\n"
              "# TYPE rempart_http_requests_total counter\n"
              "# HELP rempart_gate_on Gate.\n"
              "# TYPE rempart_gate_on gauge\n"
              "rempart_gate_on 1\n");
}

TEST(PrometheusText, AFamilyNamedTwiceIsWrittenOnceWithAllItsSamples) {
    PrometheusText text;
    text.family("rempart_a_total", MetricType::counter, "A.").sample({{"k", "1"}}, 1);
    text.family("rempart_b", MetricType::gauge, "B.").sample(2);
    text.family("rempart_a_total", MetricType::counter, "A again.").sample({{"k", "2"}}, 3);
    const auto out = text.text();
    EXPECT_EQ(occurrences(out, "# HELP rempart_a_total"), 1u);
    EXPECT_EQ(occurrences(out, "# TYPE rempart_a_total"), 1u);
    EXPECT_EQ(out,
              "# HELP rempart_a_total A.\n"
              "# TYPE rempart_a_total counter\n"
              "rempart_a_total{k=\"1\"} 1\n"
              "rempart_a_total{k=\"2\"} 3\n"
              "# HELP rempart_b B.\n"
              "# TYPE rempart_b gauge\n"
              "rempart_b 2\n");
}

TEST(PrometheusText, FamiliesComeInTheOrderTheyWereFirstNamed) {
    PrometheusText text;
    text.family("rempart_z", MetricType::gauge, "Z.").sample(1);
    text.family("rempart_a", MetricType::gauge, "A.").sample(2);
    text.family("rempart_m", MetricType::gauge, "M.").sample(3);
    const auto out = text.text();
    EXPECT_LT(out.find("rempart_z"), out.find("rempart_a"));
    EXPECT_LT(out.find("rempart_a"), out.find("rempart_m"));
}

TEST(PrometheusText, ANameTypedTwiceDifferentlyIsRefused) {
    PrometheusText text;
    text.family("rempart_x", MetricType::counter, "X.");
    EXPECT_THROW(text.family("rempart_x", MetricType::gauge, "X."), std::logic_error);
}

TEST(PrometheusText, LabelValuesAreEscaped) {
    PrometheusText text;
    text.family("rempart_routes", MetricType::gauge, "Routes.")
        .sample({{"route", "a\\b \"quoted\"\nnext"}, {"plain", "ok"}}, 1);
    EXPECT_NE(
        text.text().find("rempart_routes{route=\"a\\\\b \\\"quoted\\\"\\nnext\",plain=\"ok\"} 1\n"),
        std::string::npos);
}

TEST(PrometheusText, HelpEscapesBackslashAndNewlineButNotQuotes) {
    EXPECT_EQ(escape_help("a \\ b\n\"c\""), "a \\\\ b\\n\"c\"");
    EXPECT_EQ(escape_label_value("a \\ b\n\"c\""), "a \\\\ b\\n\\\"c\\\"");
    PrometheusText text;
    text.family("rempart_h", MetricType::gauge, "Line one\nline two.");
    EXPECT_EQ(text.text(), "# HELP rempart_h Line one\\nline two.\n# TYPE rempart_h gauge\n");
}

TEST(PrometheusText, NumbersAreWrittenAsBefore) {
    EXPECT_EQ(Value(std::uint64_t{18446744073709551615u}).text(), "18446744073709551615");
    EXPECT_EQ(Value(std::int64_t{-3}).text(), "-3");
    EXPECT_EQ(Value(0.25).text(), "0.25");
    EXPECT_EQ(Value(2.0).text(), "2");
    EXPECT_EQ(Value(0.0001).text(), "0.0001");
    EXPECT_EQ(Value::fixed(1.5, 6).text(), "1.500000");
    EXPECT_EQ(Value::fixed(0.0004, 3).text(), "0.000");
}

TEST(PrometheusText, AHistogramWritesBucketsSumAndCount) {
    PrometheusText text;
    constexpr std::array<double, 2> bounds{0.5, 1};
    const std::array<std::uint64_t, 2> cumulative{1, 3};
    text.family("rempart_t_seconds", MetricType::histogram, "T.")
        .histogram(
            {{"route", "home"}},
            {.bounds = bounds, .cumulative = cumulative, .count = 4, .sum = Value::fixed(2.25, 6)});
    text.family("rempart_u_seconds", MetricType::histogram, "U.")
        .histogram(
            {},
            {.bounds = bounds, .cumulative = cumulative, .count = 3, .sum = Value::fixed(1, 3)});
    EXPECT_EQ(text.text(),
              "# HELP rempart_t_seconds T.\n"
              "# TYPE rempart_t_seconds histogram\n"
              "rempart_t_seconds_bucket{route=\"home\",le=\"0.5\"} 1\n"
              "rempart_t_seconds_bucket{route=\"home\",le=\"1\"} 3\n"
              "rempart_t_seconds_bucket{route=\"home\",le=\"+Inf\"} 4\n"
              "rempart_t_seconds_sum{route=\"home\"} 2.250000\n"
              "rempart_t_seconds_count{route=\"home\"} 4\n"
              "# HELP rempart_u_seconds U.\n"
              "# TYPE rempart_u_seconds histogram\n"
              "rempart_u_seconds_bucket{le=\"0.5\"} 1\n"
              "rempart_u_seconds_bucket{le=\"1\"} 3\n"
              "rempart_u_seconds_bucket{le=\"+Inf\"} 3\n"
              "rempart_u_seconds_sum 1.000\n"
              "rempart_u_seconds_count 3\n");
}

}  // namespace
}  // namespace rempart::metrics
