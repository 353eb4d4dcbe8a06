// Tests for accounts/settings: [admin], sessions, login limits and password hashing.
#include "accounts/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::accounts {
namespace {

Result<AdminSettings> parse(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_admin_settings);
}

TEST(AdminSettings, BackOfficeSettings) {
    const auto defaults = parse("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->session_idle, std::chrono::minutes(30));
    EXPECT_EQ(defaults->session_lifetime, std::chrono::hours(12));
    const auto admin = parse(
        "[admin]\nsession_idle_s = 2\nsession_lifetime_s = 60\n"
        "login_per_ip = { per_minute = 1, burst = 3 }\nlogin_per_account = { burst = 2 }\n"
        "password_threads = 1\npassword_queue = 4\n");
    ASSERT_TRUE(admin.ok()) << admin.error().detail;
    EXPECT_EQ(admin->session_idle, std::chrono::seconds(2));
    EXPECT_EQ(admin->session_lifetime, std::chrono::seconds(60));
    EXPECT_EQ(admin->login_per_ip, (shield::RateSetting{1, 3}));
    EXPECT_EQ(admin->login_per_account.burst, 2);
    EXPECT_EQ(admin->password_threads, 1u);
    EXPECT_EQ(admin->password_queue, 4u);
}

TEST(AdminSettings, LoginThrottleSettings) {
    const auto defaults = parse("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->login_free_failures, 5u);
    EXPECT_EQ(defaults->login_backoff_first, std::chrono::seconds(5));
    EXPECT_EQ(defaults->login_backoff_max, std::chrono::hours(1));
    EXPECT_EQ(defaults->login_alert_after, 20u);
    EXPECT_EQ(defaults->login_failures_kept, std::chrono::hours(24));
    EXPECT_EQ(defaults->password_queue_per_network, 2u);
    const auto admin = parse(
        "[admin]\nlogin_free_failures = 0\nlogin_backoff_first_s = 2\nlogin_backoff_max_s = 60\n"
        "login_alert_after = 3\nlogin_failures_kept_s = 600\npassword_queue_per_network = 1\n");
    ASSERT_TRUE(admin.ok()) << admin.error().detail;
    EXPECT_EQ(admin->login_free_failures, 0u);
    EXPECT_EQ(admin->login_backoff_first, std::chrono::seconds(2));
    EXPECT_EQ(admin->login_backoff_max, std::chrono::seconds(60));
    EXPECT_EQ(admin->login_alert_after, 3u);
    EXPECT_EQ(admin->login_failures_kept, std::chrono::minutes(10));
    EXPECT_EQ(admin->password_queue_per_network, 1u);
}

TEST(AdminSettings, LoginThrottleSettingsOnePastTheirBounds) {
    const std::pair<const char*, const char*> cases[] = {
        {"[admin]\nlogin_free_failures = 1001", "login_free_failures"},
        {"[admin]\nlogin_backoff_first_s = 0", "login_backoff_first_s"},
        {"[admin]\nlogin_backoff_max_s = 604801", "login_backoff_max_s"},
        {"[admin]\nlogin_alert_after = 0", "login_alert_after"},
        {"[admin]\nlogin_failures_kept_s = 59", "login_failures_kept_s"},
        {"[admin]\npassword_queue_per_network = 0", "password_queue_per_network"},
        {"[admin]\nlogin_backoff_first_s = 61\nlogin_backoff_max_s = 60", "pass the cap"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto admin = parse(toml);
        ASSERT_FALSE(admin.ok()) << toml;
        EXPECT_NE(admin.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << admin.error().detail;
    }
    EXPECT_TRUE(parse("[admin]\nlogin_backoff_first_s = 60\nlogin_backoff_max_s = 60").ok());
}

TEST(AdminSettings, ThePasswordCostIsLibsodiumsInteractiveOneUnlessLowered) {
    const auto defaults = parse("");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->password_cost.memory, 64u << 20);
    EXPECT_EQ(defaults->password_cost.ops, 2u);
    const auto lowest = parse("[admin]\npassword_memory_mib = 8\npassword_passes = 1\n");
    ASSERT_TRUE(lowest.ok()) << lowest.error().detail;
    EXPECT_EQ(lowest->password_cost.memory, 8u << 20);
    EXPECT_EQ(lowest->password_cost.ops, 1u);
    const auto hash = hash_password("a long and fine passphrase", lowest->password_cost);
    ASSERT_TRUE(hash.ok());
    EXPECT_NE(hash->find("$m=8192,t=1,"), std::string::npos) << *hash;
    EXPECT_TRUE(password_needs_rehash(*hash, defaults->password_cost));
    EXPECT_FALSE(password_needs_rehash(*hash, lowest->password_cost));
    // Unknown accounts are checked against a hash of the site's own cost.
    EXPECT_NE(dummy_password_hash(lowest->password_cost).find("$m=8192,t=1,"), std::string::npos);
}

TEST(AdminSettings, BadBackOfficeSettingsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[admin]\nsession_idle_s = 0", "session_idle_s"},
        {"[admin]\npassword_threads = 0", "password_threads"},
        {"[admin]\npassword_threads = 64", "password_threads"},
        {"[admin]\npassword_queue = 0", "password_queue"},
        {"[admin]\npassword_memory_mib = 7", "password_memory_mib"},
        {"[admin]\npassword_memory_mib = 4097", "password_memory_mib"},
        {"[admin]\npassword_passes = 0", "password_passes"},
        {"[admin]\npassword_passes = 11", "password_passes"},
        {"[admin]\nlogin_per_ip = 5", "login_per_ip"},
        {"[admin]\nsession_idle_s = 100\nsession_lifetime_s = 50", "never apply"},
        {"[admin]\nlogin_timeout = 5", "unknown key [admin] login_timeout"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto admin = parse(toml);
        ASSERT_FALSE(admin.ok()) << toml;
        EXPECT_NE(admin.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << admin.error().detail;
    }
}

}  // namespace
}  // namespace rempart::accounts
