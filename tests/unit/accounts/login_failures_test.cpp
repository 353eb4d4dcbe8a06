// Tests for accounts/login_failures: one account's failures remembered across attempts.
#include "accounts/login_failures.hpp"

#include <gtest/gtest.h>

#include "unit/accounts/login_clock.hpp"

namespace rempart::accounts {
namespace {

using namespace std::chrono_literals;

using namespace login_clock;

LoginThrottleSettings small() {
    LoginThrottleSettings settings;
    settings.free_failures = 2;
    settings.first_wait = 10s;
    settings.max_wait = 40s;
    settings.alert_after = 4;
    settings.kept = 600s;
    return settings;
}

TEST(LoginFailures, WaitsGrowThenASuccessEndsTheEpisode) {
    LoginFailures failures(small());
    const std::string ana = "account:ana@example.org";
    for (int i = 0; i < 2; ++i) {
        ASSERT_TRUE(failures.admit(ana, allowed, allowed, t0).allowed());
        failures.failed(ana, "net:a", true, t0);
    }
    EXPECT_TRUE(failures.admit(ana, allowed, allowed, t0).allowed());  // the third try is free
    failures.failed(ana, "net:a", true, t0);
    const auto held = failures.admit(ana, allowed, allowed, t0 + 1s);
    EXPECT_EQ(held.refusal, LoginRefusal::backing_off);
    EXPECT_EQ(held.retry_after, 9s);
    EXPECT_TRUE(failures.admit(ana, allowed, allowed, t0 + 10s).allowed());
    failures.succeeded(ana);
    EXPECT_TRUE(failures.admit(ana, allowed, allowed, t0 + 10s).allowed());
    EXPECT_EQ(failures.remembered(), 0u);
}

TEST(LoginFailures, OneAlertAnEpisodeWithTheNetworksCounted) {
    LoginFailures failures(small());
    const std::string ana = "account:ana@example.org";
    int alerts = 0;
    FailureOutcome last;
    for (int i = 0; i < 10; ++i) {
        last = failures.failed(ana, i % 3 == 0 ? "net:a" : "net:b", true, t0 + i * 1s);
        if (last.alert) {
            ++alerts;
            EXPECT_EQ(last.failures, 4u);
            EXPECT_EQ(last.networks, 2u);
        }
    }
    EXPECT_EQ(alerts, 1);
    // A new episode after a success mails again.
    failures.succeeded(ana);
    for (int i = 0; i < 4; ++i) last = failures.failed(ana, "net:a", true, t0 + 20s);
    EXPECT_TRUE(last.alert);
}

TEST(LoginFailures, UnknownAccountsWaitTheSameButAreNeverMailedAbout) {
    LoginFailures failures(small());
    const std::string nobody = "account:nobody@example.org";
    FailureOutcome last;
    for (int i = 0; i < 6; ++i) last = failures.failed(nobody, "net:a", false, t0);
    EXPECT_FALSE(last.alert);
    EXPECT_EQ(failures.admit(nobody, allowed, allowed, t0).refusal, LoginRefusal::backing_off);
}

TEST(LoginFailures, AQuietAccountStartsAgain) {
    const std::string ana = "account:ana@example.org";
    for (const auto& [quiet, expected] : {std::pair{599s, 5u}, std::pair{600s, 1u}}) {
        LoginFailures failures(small());  // kept 600 s
        for (int i = 0; i < 4; ++i) failures.failed(ana, "net:a", true, t0);
        EXPECT_TRUE(failures.admit(ana, allowed, allowed, t0 + quiet).allowed());
        EXPECT_EQ(failures.failed(ana, "net:a", true, t0 + quiet).failures, expected)
            << quiet.count();
    }
}

TEST(LoginFailures, InventedAddressesCannotWipeOutAnAccountUnderAttack) {
    LoginFailures failures(small(), 64);
    const std::string ana = "account:ana@example.org";
    for (int i = 0; i < 5; ++i) failures.failed(ana, "net:a", true, t0);
    for (int i = 0; i < 1000; ++i)
        failures.failed("account:x" + std::to_string(i) + "@example.org", "net:z", false, t0);
    EXPECT_LE(failures.remembered(), 64u);
    EXPECT_EQ(failures.admit(ana, allowed, allowed, t0).refusal, LoginRefusal::backing_off);
}

}  // namespace
}  // namespace rempart::accounts
