// Tests for app/shield_setup: the front door's settings with the detector's eyeball networks.
#include "app/shield_setup.hpp"

#include <gtest/gtest.h>

namespace rempart::app {
namespace {

TEST(ShieldSetup, TheConfigBecomesTheFrontDoorsSettings) {
    Config config;
    config.front_door.pages.per_ip = 50;
    config.front_door.shed.queue_low = 3;
    const auto settings = front_door_settings(config);
    EXPECT_EQ(settings.pages.per_ip, 50);
    EXPECT_EQ(settings.shed.queue_low, 3u);
    // The big eyeball ISPs carry households: never one sender.
    EXPECT_FALSE(settings.pages.unlimited_ases.empty());
}

TEST(ShieldSetup, TheEyeballNetworksAreAlsoThoseTheTrafficLimitsLeaveAlone) {
    EXPECT_EQ(front_door_settings(Config{}).pages.unlimited_ases,
              defence::detect::DetectorConfig{}.large_networks);
    const auto config =
        parse_config("[detect]\neyeball_networks = [64501, 64502]\n", "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    const auto settings = front_door_settings(*config);
    const std::vector<std::uint32_t> expected{64501, 64502};
    EXPECT_EQ(settings.pages.unlimited_ases, expected);
    EXPECT_EQ(settings.api.unlimited_ases, expected);
    EXPECT_EQ(settings.sign.unlimited_ases, expected);
}

}  // namespace
}  // namespace rempart::app
