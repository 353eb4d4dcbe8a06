// Tests for server/route_policy and app/shield_setup: which routes the gate and the shedder
// may touch, and the front door's settings as the config gives them.
#include "app/shield_setup.hpp"
#include "server/route_policy.hpp"

#include <gtest/gtest.h>

namespace rempart::app {
namespace {

using server::route_class;
using shield::Priority;
using shield::TrafficFamily;

TEST(RoutePolicy, SigningConfirmingHealthAndStaticFilesAreNeverGatedNorShed) {
    for (const auto* name :
         {"sign", "signature_link", "signature_confirm", "signature_withdraw", "healthz", "metrics",
          "static", "robots", "altcha_challenge", "gate_challenge", "gate_pass", "gate_wait"}) {
        const auto route = route_class(name);
        EXPECT_FALSE(route.gated) << name;
        EXPECT_EQ(route.priority, Priority::critical) << name;
    }
    // Health checks and assets are not even counted against a client's limits.
    EXPECT_EQ(route_class("healthz").family, TrafficFamily::none);
    EXPECT_EQ(route_class("static").family, TrafficFamily::none);
    // Posts to a signing form have a family of their own, apart from reading.
    EXPECT_EQ(route_class("sign").family, TrafficFamily::sign);
}

TEST(RoutePolicy, PublicPagesAreGatedAndNeverShedSearchIsShedFirst) {
    for (const auto* name : {"home", "petition", "privacy", "terms", "sign_thanks", "unrouted"}) {
        EXPECT_TRUE(route_class(name).gated) << name;
        EXPECT_EQ(route_class(name).priority, Priority::high) << name;
    }
    EXPECT_EQ(route_class("search").priority, Priority::low);
    EXPECT_TRUE(route_class("search").gated);
}

TEST(RoutePolicy, TheApiIsLimitedApartAndNeverGated) {
    for (const auto* name : {"api_petitions", "api_petition"}) {
        EXPECT_FALSE(route_class(name).gated) << name;
        EXPECT_EQ(route_class(name).family, TrafficFamily::api) << name;
        EXPECT_EQ(route_class(name).priority, Priority::normal) << name;
    }
}

TEST(RoutePolicy, TheBackOfficeStaysReachableToWhoeverTurnsTheGateOff) {
    for (const auto* name : {"admin_login", "admin_home", "admin_shield", "admin_shield_mode"}) {
        EXPECT_FALSE(route_class(name).gated) << name;
        EXPECT_EQ(route_class(name).priority, Priority::high) << name;
    }
}

TEST(ShieldSetup, TheConfigBecomesTheFrontDoorsSettings) {
    Config config;
    config.traffic.page_per_ip = 50;
    config.traffic.api_per_network = 70;
    config.traffic.network_share_percent = 10;
    config.traffic.per_clearance = {120, 40};
    config.gate.mode = "off";
    config.gate.surge_min_rate = 30;
    config.gate.unknown_share_percent = 80;
    config.gate.calm_duration = std::chrono::seconds(9);
    config.gate.known_after = std::chrono::seconds(5);
    config.shedding.queue_low = 3;
    const auto settings = front_door_settings(config);
    EXPECT_EQ(settings.pages.per_ip, 50);
    EXPECT_EQ(settings.api.network_floor, 70);
    EXPECT_DOUBLE_EQ(settings.pages.network_share, 0.10);
    EXPECT_DOUBLE_EQ(settings.per_clearance.per_second, 2.0);
    EXPECT_EQ(settings.per_clearance.burst, 40);
    EXPECT_EQ(settings.mode, shield::GateMode::off);
    EXPECT_EQ(settings.attack.min_rate, 30);
    EXPECT_DOUBLE_EQ(settings.attack.unknown_share, 0.8);
    EXPECT_EQ(settings.attack.calm_seconds, 9);
    EXPECT_EQ(settings.known_after, 5);
    EXPECT_EQ(settings.shed.queue_low, 3u);
    // The big eyeball ISPs carry households: never one sender.
    EXPECT_FALSE(settings.pages.unlimited_ases.empty());
}

}  // namespace
}  // namespace rempart::app
