// Tests for ops/metrics_readers: /metrics for the allowed networks, with the token if set.
#include "ops/metrics_readers.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace rempart::ops {
namespace {

const std::string token = "0123456789abcdef0123456789abcdef-token";

MetricsReaders readers(std::vector<std::string> allow, std::string bearer_token = "") {
    metrics::MetricsSettings config;
    config.allow = std::move(allow);
    config.bearer_token = std::move(bearer_token);
    auto created = MetricsReaders::create(config);
    EXPECT_TRUE(created.ok());
    return *created;
}

TEST(MetricsReaders, ByDefaultOnlyLoopbackReads) {
    const auto loopback = readers(metrics::MetricsSettings{}.allow);
    EXPECT_EQ(loopback.decide("127.0.0.1", ""), MetricsAccess::allowed);
    EXPECT_EQ(loopback.decide("127.0.0.2", ""), MetricsAccess::allowed);
    EXPECT_EQ(loopback.decide("::1", ""), MetricsAccess::allowed);
    EXPECT_EQ(loopback.decide("198.51.100.7", ""), MetricsAccess::forbidden);
    EXPECT_EQ(loopback.decide("10.0.0.1", ""), MetricsAccess::forbidden);
    EXPECT_EQ(loopback.decide("2001:db8::1", ""), MetricsAccess::forbidden);
    // A client relayed by a proxy that would not say who it is.
    EXPECT_EQ(loopback.decide("0.0.0.0", ""), MetricsAccess::forbidden);
    EXPECT_EQ(loopback.decide("", ""), MetricsAccess::forbidden);
    EXPECT_EQ(loopback.decide("not an address", ""), MetricsAccess::forbidden);
}

TEST(MetricsReaders, TheAllowedNetworksReplaceLoopback) {
    const auto monitoring = readers({"10.0.0.0/8", "2001:db8::/32"});
    EXPECT_EQ(monitoring.decide("10.20.30.40", ""), MetricsAccess::allowed);
    EXPECT_EQ(monitoring.decide("2001:db8::9", ""), MetricsAccess::allowed);
    EXPECT_EQ(monitoring.decide("127.0.0.1", ""), MetricsAccess::forbidden);
    const auto nobody = readers({});
    EXPECT_EQ(nobody.decide("127.0.0.1", ""), MetricsAccess::forbidden);
}

TEST(MetricsReaders, WithATokenTheRightOneIsAskedFor) {
    const auto guarded = readers({"127.0.0.0/8"}, token);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer " + token), MetricsAccess::allowed);
    EXPECT_EQ(guarded.decide("127.0.0.1", "bearer   " + token + " "), MetricsAccess::allowed);
    EXPECT_EQ(guarded.decide("127.0.0.1", ""), MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer"), MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer "), MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Basic " + token), MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", token), MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer " + token.substr(1)),
              MetricsAccess::unauthorized);
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer " + token + "x"), MetricsAccess::unauthorized);
    auto last_changed = token;
    last_changed.back() = 'X';
    EXPECT_EQ(guarded.decide("127.0.0.1", "Bearer " + last_changed), MetricsAccess::unauthorized);
}

TEST(MetricsReaders, TheRightTokenFromElsewhereIsStillRefused) {
    const auto guarded = readers({"127.0.0.0/8"}, token);
    EXPECT_EQ(guarded.decide("198.51.100.7", "Bearer " + token), MetricsAccess::forbidden);
}

TEST(MetricsReaders, ABadNetworkIsAnErrorNotAnOpenDoor) {
    metrics::MetricsSettings config;
    config.allow = {"10.0.0.0/33"};
    const auto created = MetricsReaders::create(config);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ConfigError::bad_cidr);
}

}  // namespace
}  // namespace rempart::ops
