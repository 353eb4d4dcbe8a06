// Tests for accounts/login_throttle: keys, the wait after failures, admission and alerts.
#include "accounts/login_throttle.hpp"

#include <gtest/gtest.h>

#include "unit/accounts/login_clock.hpp"

namespace rempart::accounts {
namespace {

using namespace std::chrono_literals;

using namespace login_clock;

LoginThrottleSettings defaults() {
    return LoginThrottleSettings{};
}

TEST(LoginKeys, EverySpellingOfOneAddressIsOneAccount) {
    const auto plain = login_keys("ana@example.org", "192.0.2.7");
    ASSERT_TRUE(plain.email);
    EXPECT_EQ(*plain.email, "ana@example.org");
    EXPECT_EQ(plain.account, "account:ana@example.org");
    for (const char* spelling : {"ANA@Example.ORG", "  ana@example.org ",
                                 "ana@exam\u00ADple.org",      // soft hyphen
                                 "ana@\uFF45\uFF58ample.org",  // full-width e and x
                                 "ana@EXAMPLE.org."}) {
        const auto keys = login_keys(spelling, "192.0.2.7");
        if (!keys.email) continue;  // refused as no address: it cannot find the account either
        EXPECT_EQ(keys.account, plain.account) << spelling;
    }
    EXPECT_EQ(login_keys("ana@exam\u00ADple.org", "192.0.2.7").account, plain.account);
    EXPECT_EQ(login_keys("ana@\uFF45\uFF58ample.org", "192.0.2.7").account, plain.account);
    EXPECT_NE(login_keys("bob@example.org", "192.0.2.7").account, plain.account);
}

TEST(LoginKeys, TextThatIsNoAddressIsCountedAsTypedAndNeverAsAnAccount) {
    const auto keys = login_keys("CLI", "192.0.2.7");
    EXPECT_FALSE(keys.email);
    EXPECT_EQ(keys.account, "typed:cli");
    EXPECT_EQ(login_keys("cli", "192.0.2.7").account, keys.account);
}

TEST(LoginKeys, FiveAddressesOfOneSlash64AreOneClient) {
    const auto first = login_keys("a@example.org", "2001:db8:1:2::1");
    for (const char* ip : {"2001:db8:1:2::2", "2001:db8:1:2::3", "2001:db8:1:2:aaaa::4",
                           "2001:db8:1:2:ffff:ffff:ffff:ffff"}) {
        const auto keys = login_keys("a@example.org", ip);
        EXPECT_EQ(keys.subscriber, first.subscriber) << ip;
        EXPECT_EQ(keys.network, first.network) << ip;
    }
    EXPECT_NE(login_keys("a@example.org", "2001:db8:1:3::1").subscriber, first.subscriber);
    // IPv4: one address is one client; its /24 is one network for the pool's share.
    EXPECT_NE(login_keys("a@example.org", "192.0.2.8").subscriber,
              login_keys("a@example.org", "192.0.2.7").subscriber);
    EXPECT_EQ(login_keys("a@example.org", "192.0.2.8").network,
              login_keys("a@example.org", "192.0.2.7").network);
}

TEST(LoginBackoff, NoWaitForTheFreeFailuresThenDoublingUpToTheCap) {
    const auto settings = defaults();  // 5 free, 5 s first, 1 h cap
    for (std::size_t failures = 0; failures <= 5; ++failures)
        EXPECT_EQ(wait_after(failures, settings), 0s) << failures;
    EXPECT_EQ(wait_after(6, settings), 5s);  // one past the free ones
    EXPECT_EQ(wait_after(7, settings), 10s);
    EXPECT_EQ(wait_after(8, settings), 20s);
    EXPECT_EQ(wait_after(14, settings), 1280s);
    EXPECT_EQ(wait_after(15, settings), 2560s);
    EXPECT_EQ(wait_after(16, settings), 3600s);  // 5120 s capped
    EXPECT_EQ(wait_after(1'000'000, settings), 3600s);
}

TEST(LoginBackoff, AGuesserGetsAFewDozenTriesADayNotHundredsOfThousands) {
    const auto settings = defaults();
    FailureHistory history;
    auto now = t0;
    int tries = 0;
    while (now < t0 + 24h) {
        const auto admission = admit(allowed, allowed, history, now);
        if (!admission.allowed()) {
            now += admission.retry_after;
            continue;
        }
        history = after_admission(history, now, settings);
        history = after_failure(history, now, false, settings);
        ++tries;
    }
    EXPECT_LT(tries, 40);
    EXPECT_GT(tries, 20);
}

TEST(LoginAdmission, RefusesWhileTheAccountWaitsWithTheTimeLeft) {
    const auto settings = defaults();
    FailureHistory history;
    for (int i = 0; i < 6; ++i) history = after_failure(history, t0, false, settings);
    const auto waiting = admit(allowed, allowed, history, t0 + 2s);
    EXPECT_EQ(waiting.refusal, LoginRefusal::backing_off);
    EXPECT_EQ(waiting.retry_after, 3s);
    EXPECT_FALSE(admit(allowed, allowed, history, t0 + 4999ms).allowed());
    EXPECT_TRUE(admit(allowed, allowed, history, t0 + 5s).allowed());
}

TEST(LoginAdmission, AnAdmittedAttemptHoldsTheNextWaitAtOnce) {
    const auto settings = defaults();
    FailureHistory history;
    for (int i = 0; i < 4; ++i) history = after_failure(history, t0, false, settings);
    // The fifth is free: a second sent with it is not held.
    history = after_admission(history, t0, settings);
    EXPECT_TRUE(admit(allowed, allowed, history, t0).allowed());
    history = after_failure(history, t0, false, settings);
    // The sixth would wait 5 s after it fails: ten sent together get one through.
    ASSERT_TRUE(admit(allowed, allowed, history, t0).allowed());
    history = after_admission(history, t0, settings);
    EXPECT_EQ(admit(allowed, allowed, history, t0).refusal, LoginRefusal::backing_off);
}

TEST(LoginAdmission, TheBucketsRefuseWithTheLongestWait) {
    const FailureHistory none;
    const shield::RateDecision client{false, 7s};
    const shield::RateDecision account{false, 30s};
    const auto both = admit(client, account, none, t0);
    EXPECT_EQ(both.refusal, LoginRefusal::subscriber_limited);
    EXPECT_EQ(both.retry_after, 30s);
    EXPECT_EQ(admit(allowed, account, none, t0).refusal, LoginRefusal::account_limited);
    // Retry-After is never 0.
    EXPECT_EQ(admit(shield::RateDecision{false, 0s}, allowed, none, t0).retry_after, 1s);
    EXPECT_EQ(to_string(LoginRefusal::backing_off), "backoff");
}

TEST(LoginAlert, OnceAtTheThresholdForAnExistingAccountOnly) {
    const auto settings = defaults();  // 20
    FailureHistory history;
    for (int i = 0; i < 19; ++i) history = after_failure(history, t0, false, settings);
    EXPECT_FALSE(alert_due(history, true, settings));  // one short
    history = after_failure(history, t0, true, settings);
    EXPECT_TRUE(alert_due(history, true, settings));
    EXPECT_FALSE(alert_due(history, false, settings));
    history.alerted = true;
    history = after_failure(history, t0, false, settings);
    EXPECT_FALSE(alert_due(history, true, settings));
    EXPECT_EQ(history.networks, 1u);
}

TEST(LoginFailuresForgotten, AfterTheQuietTimeAndNotOneSecondBefore) {
    auto settings = defaults();
    settings.kept = 600s;
    FailureHistory history;
    history = after_failure(history, t0, false, settings);
    EXPECT_FALSE(forgotten(history, t0 + 599s, settings));
    EXPECT_TRUE(forgotten(history, t0 + 600s, settings));
    EXPECT_FALSE(forgotten(FailureHistory{}, t0 + 600s, settings));
}

TEST(PoolShare, ANetworkHoldsItsShareAndNotOneMore) {
    EXPECT_TRUE(pool_share_allows(0, 2));
    EXPECT_TRUE(pool_share_allows(1, 2));
    EXPECT_FALSE(pool_share_allows(2, 2));
}

}  // namespace
}  // namespace rempart::accounts
