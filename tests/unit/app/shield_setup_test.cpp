// Tests for app/shield_setup: the front door's settings as the config gives them.
#include "app/shield_setup.hpp"

#include <gtest/gtest.h>

namespace rempart::app {
namespace {

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
