// Tests for shield/settings: [shield], and [traffic], [gate] and [shedding] read into the
// front door's own settings.
#include "shield/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::shield {
namespace {

Result<ShieldSettings> parse_shield(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_shield_settings);
}

// The front door and the gate page together, as the whole file has them.
struct Door {
    FrontDoorSettings front_door;
    GateSettings gate;
};
Result<Door> parse_door(std::string_view toml) {
    return config::parse(toml, "rempart.toml", [](config::File& file) {
        return Door{read_front_door_settings(file), read_gate_settings(file)};
    });
}

TEST(ShieldSettings, ProofOfWorkSettings) {
    const auto shield = parse_shield("[shield]\npow_max_number = 20000\npow_expiry_s = 300\n");
    ASSERT_TRUE(shield.ok()) << shield.error().detail;
    EXPECT_EQ(shield->pow_max_number, 20000u);
    EXPECT_EQ(shield->pow_expiry, std::chrono::seconds(300));
    EXPECT_FALSE(parse_shield("[shield]\npow_max_number = 0\n").ok());
    EXPECT_FALSE(parse_shield("[shield]\npow_expiry_s = 5\n").ok());
}

TEST(ShieldSettings, TablesAndLists) {
    const auto shield = parse_shield(
        "[shield]\nasn_table = \"asn.csv\"\nasn_table_extra = [\"site-networks.csv\"]\n"
        "disposable_allow = [\"ok.example\"]\n");
    ASSERT_TRUE(shield.ok()) << shield.error().detail;
    EXPECT_EQ(shield->asn_table, "asn.csv");
    EXPECT_EQ(shield->asn_table_extra, std::vector<std::string>{"site-networks.csv"});
    EXPECT_EQ(shield->disposable_allow, std::vector<std::string>{"ok.example"});
}

TEST(ShieldSettings, SigningRateLimits) {
    const auto shield = parse_shield(
        "[shield]\nsign_per_ip = { per_minute = 3, burst = 4 }\n"
        "sign_per_as = { burst = 9 }\ndisposable_block = [\"spam.example\"]\n");
    ASSERT_TRUE(shield.ok()) << shield.error().detail;
    EXPECT_EQ(shield->sign_limits.per_ip, (RateSetting{3, 4}));
    EXPECT_EQ(shield->sign_limits.per_as.burst, 9);
    EXPECT_EQ(shield->sign_limits.per_as.per_minute, SigningRateSettings{}.per_as.per_minute);
    EXPECT_EQ(shield->disposable_block, std::vector<std::string>{"spam.example"});
}

TEST(ShieldSettings, BadRateLimitsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[shield]\nsign_per_ip = 10", "[shield] sign_per_ip: expected a rate"},
        {"[shield]\nsign_per_ip = { per_minute = 0 }", "sign_per_ip.per_minute: expected"},
        {"[shield]\nsign_per_ip = { per_hour = 5 }", "unknown key per_hour"},
        {"[shield]\nsign_per_domain = { burst = \"lots\" }", "sign_per_domain.burst"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto shield = parse_shield(toml);
        ASSERT_FALSE(shield.ok()) << toml;
        EXPECT_NE(shield.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << shield.error().detail;
    }
}

TEST(ShieldSettings, MailsPerMailboxAndTheirBounds) {
    const auto defaults = parse_shield("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->mails_per_mailbox_per_day, 5u);
    const auto edge = parse_shield("[shield]\nmails_per_mailbox_per_day = 1000\n");
    ASSERT_TRUE(edge.ok()) << edge.error().detail;
    EXPECT_EQ(edge->mails_per_mailbox_per_day, 1000u);
    for (const char* toml : {"[shield]\nmails_per_mailbox_per_day = 0",
                             "[shield]\nmails_per_mailbox_per_day = 1001"}) {
        const auto shield = parse_shield(toml);
        ASSERT_FALSE(shield.ok()) << toml;
        EXPECT_NE(shield.error().detail.find("mails_per_mailbox_per_day"), std::string::npos)
            << toml << "\n  gave: " << shield.error().detail;
    }
}

TEST(FrontDoorSettings, TrafficGateAndSheddingSettings) {
    const auto defaults = parse_door("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->front_door.pages.per_ip, 240);
    EXPECT_EQ(defaults->front_door.mode, GateMode::automatic);
    EXPECT_EQ(defaults->front_door.known_after, 600);
    EXPECT_EQ(defaults->front_door.shed.queue_low, 8u);
    const auto door = parse_door(R"(
[traffic]
page_per_ip = 50
page_per_network = 200
page_per_as = 3000
api_per_ip = 10
api_per_network = 40
api_per_as = 400
network_share_percent = 10
as_share_percent = 30
per_clearance = { per_minute = 120, burst = 60 }
[gate]
mode = "on"
pow_max_number = 20000
wait_s = 2
clearance_lifetime_s = 600
surge_min_rate = 50
surge_factor = 4
unknown_share_percent = 70
surge_s = 3
load_s = 2
calm_s = 30
known_after_s = 0
[shedding]
lag_low_ms = 10
lag_normal_ms = 50
queue_low = 2
queue_normal = 6
retry_after_s = 7
)");
    ASSERT_TRUE(door.ok()) << door.error().detail;
    const auto& front_door = door->front_door;
    EXPECT_EQ(front_door.pages.per_ip, 50);
    EXPECT_EQ(front_door.api.as_floor, 400);
    EXPECT_DOUBLE_EQ(front_door.sign.as_share, 0.30);
    EXPECT_DOUBLE_EQ(front_door.per_clearance.per_second, 2.0);
    EXPECT_EQ(front_door.per_clearance.burst, 60);
    EXPECT_EQ(front_door.mode, GateMode::on);
    EXPECT_EQ(door->gate.pow_max_number, 20000u);
    EXPECT_EQ(door->gate.wait, std::chrono::seconds(2));
    EXPECT_EQ(door->gate.clearance_lifetime, std::chrono::minutes(10));
    EXPECT_EQ(front_door.attack.surge_factor, 4);
    EXPECT_DOUBLE_EQ(front_door.attack.unknown_share, 0.70);
    EXPECT_EQ(front_door.attack.pressure_seconds, 2);
    EXPECT_EQ(front_door.attack.calm_seconds, 30);
    EXPECT_EQ(front_door.known_after, 0);
    EXPECT_EQ(front_door.shed.lag_normal, std::chrono::milliseconds(50));
    EXPECT_EQ(front_door.shed.queue_normal, 6u);
    EXPECT_EQ(front_door.shed.retry_after, std::chrono::seconds(7));
}

// Each key lands where the front door reads it: percentages as shares, a rate a minute as a
// rate a second.
TEST(FrontDoorSettings, TheSectionsBecomeTheFrontDoorsSettings) {
    const auto door = parse_door(R"(
[traffic]
page_per_ip = 50
api_per_network = 70
network_share_percent = 10
per_clearance = { per_minute = 120, burst = 40 }
[gate]
mode = "off"
surge_min_rate = 30
unknown_share_percent = 80
calm_s = 9
known_after_s = 5
[shedding]
queue_low = 3
)");
    ASSERT_TRUE(door.ok()) << door.error().detail;
    const auto& settings = door->front_door;
    EXPECT_EQ(settings.pages.per_ip, 50);
    EXPECT_EQ(settings.api.network_floor, 70);
    EXPECT_DOUBLE_EQ(settings.pages.network_share, 0.10);
    EXPECT_DOUBLE_EQ(settings.per_clearance.per_second, 2.0);
    EXPECT_EQ(settings.per_clearance.burst, 40);
    EXPECT_EQ(settings.mode, GateMode::off);
    EXPECT_EQ(settings.attack.min_rate, 30);
    EXPECT_DOUBLE_EQ(settings.attack.unknown_share, 0.8);
    EXPECT_EQ(settings.attack.calm_seconds, 9);
    EXPECT_EQ(settings.known_after, 5);
    EXPECT_EQ(settings.shed.queue_low, 3u);
}

TEST(FrontDoorSettings, BadTrafficGateAndSheddingSettingsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[traffic]\npage_per_ip = 0", "page_per_ip"},
        {"[traffic]\nnetwork_share_percent = 101", "network_share_percent"},
        {"[traffic]\nper_clearance = 5", "per_clearance"},
        {"[gate]\nmode = \"always\"", "mode"},
        {"[gate]\nclearance_lifetime_s = 10", "clearance_lifetime_s"},
        {"[gate]\nsurge_factor = 1", "surge_factor"},
        {"[gate]\nwait_s = 61", "wait_s"},
        {"[shedding]\nqueue_low = 0", "queue_low"},
        {"[shedding]\nqueue_low = 40\nqueue_normal = 10", "low bounds"},
        {"[shedding]\nlag_low_ms = 200", "low bounds"},
        {"[gate]\nthreshold = 5", "unknown key [gate] threshold"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto door = parse_door(toml);
        ASSERT_FALSE(door.ok()) << toml;
        EXPECT_NE(door.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << door.error().detail;
    }
}

TEST(FrontDoorSettings, SigningPostsAndTheirBounds) {
    const auto defaults = parse_door("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->front_door.sign.per_ip, 120);
    EXPECT_EQ(defaults->front_door.sign.network_floor, 600);
    EXPECT_EQ(defaults->front_door.sign.as_floor, 6000);
    // At their bounds: taken.
    const auto edges = parse_door(
        "[traffic]\nsign_posts_per_ip = 1\nsign_posts_per_network = 1000000000\n"
        "sign_posts_per_as = 1\n");
    ASSERT_TRUE(edges.ok()) << edges.error().detail;
    EXPECT_EQ(edges->front_door.sign.network_floor, 1000000000);
    // One past: refused, naming the key.
    const std::pair<const char*, const char*> cases[] = {
        {"[traffic]\nsign_posts_per_ip = 0", "sign_posts_per_ip"},
        {"[traffic]\nsign_posts_per_network = 1000000001", "sign_posts_per_network"},
        {"[traffic]\nsign_posts_per_as = 0", "sign_posts_per_as"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto door = parse_door(toml);
        ASSERT_FALSE(door.ok()) << toml;
        EXPECT_NE(door.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << door.error().detail;
    }
}

}  // namespace
}  // namespace rempart::shield
