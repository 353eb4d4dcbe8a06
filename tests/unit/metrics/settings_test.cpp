// Tests for metrics/settings: [metrics], who may read /metrics and with which token.
#include "metrics/settings.hpp"

#include <gtest/gtest.h>

#include "core/config.hpp"

namespace rempart::metrics {
namespace {

Result<MetricsSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_metrics_settings);
}

TEST(MetricsSettings, MetricsAnswerLoopbackAndAskNoTokenByDefault) {
    const auto metrics = parse("");
    ASSERT_TRUE(metrics.ok());
    EXPECT_EQ(metrics->allow, (std::vector<std::string>{"127.0.0.0/8", "::1"}));
    EXPECT_TRUE(metrics->bearer_token.empty());
}

TEST(MetricsSettings, MetricsReadersAndTheirToken) {
    const std::string token(min_bearer_token_chars, 'a');
    const auto metrics = parse(
        "[metrics]\nallow = [\"10.0.0.0/8\", \"2001:db8::/32\"]\n"
        "bearer_token = \"" +
        token + "\"\n");
    ASSERT_TRUE(metrics.ok()) << metrics.error().detail;
    EXPECT_EQ(metrics->allow, (std::vector<std::string>{"10.0.0.0/8", "2001:db8::/32"}));
    EXPECT_EQ(metrics->bearer_token, token);
    const auto base64 =
        parse("[metrics]\nbearer_token = \"Zm9vYmFy-._~+/Zm9vYmFyZm9vYmFyZm9vYmFy==\"\n");
    EXPECT_TRUE(base64.ok()) << base64.error().detail;
}

TEST(MetricsSettings, AShortOrUnsendableMetricsTokenIsRefusedWithoutBeingRepeated) {
    const std::string one_short(min_bearer_token_chars - 1, 'a');
    const auto metrics = parse("[metrics]\n\nbearer_token = \"" + one_short + "\"\n");
    ASSERT_FALSE(metrics.ok());
    EXPECT_EQ(metrics.error().code, ConfigError::bad_value);
    EXPECT_TRUE(metrics.error().detail.starts_with("rempart.toml:3:1: [metrics] bearer_token: "))
        << metrics.error().detail;
    EXPECT_TRUE(metrics.error().detail.ends_with("got 31 characters")) << metrics.error().detail;
    EXPECT_EQ(metrics.error().detail.find(one_short), std::string::npos);
    for (const auto* token : {"with a space in the middle of it, long enough......",
                              "\\\"quoted\\\"0123456789012345678901234567890123",
                              "==============================================", "=abc"}) {
        const auto refused = parse(std::string("[metrics]\nbearer_token = \"") + token + "\"\n");
        ASSERT_FALSE(refused.ok()) << token;
        EXPECT_NE(refused.error().detail.find("[metrics] bearer_token: expected"),
                  std::string::npos)
            << refused.error().detail;
    }
    EXPECT_FALSE(parse("[metrics]\nbearer_token = 12345").ok());
    // Written out as the default: none asked for.
    const auto none = parse("[metrics]\nbearer_token = \"\"");
    ASSERT_TRUE(none.ok()) << none.error().detail;
    EXPECT_TRUE(none->bearer_token.empty());
}

TEST(MetricsSettings, BadMetricsNetworksNameTheirPlace) {
    const auto metrics = parse("[metrics]\nallow = [\"127.0.0.1/32\", \"10.0.0.0/33\"]\n");
    ASSERT_FALSE(metrics.ok());
    EXPECT_EQ(metrics.error().code, ConfigError::bad_value);
    EXPECT_TRUE(metrics.error().detail.starts_with("rempart.toml:2:")) << metrics.error().detail;
    EXPECT_NE(metrics.error().detail.find("[metrics] allow: expected an array of networks"),
              std::string::npos)
        << metrics.error().detail;
    EXPECT_NE(metrics.error().detail.find("got \"10.0.0.0/33\""), std::string::npos);
    EXPECT_FALSE(parse("[metrics]\nallow = \"127.0.0.1\"").ok());
    EXPECT_FALSE(parse("[metrics]\nreaders = []").ok());
}

}  // namespace
}  // namespace rempart::metrics
