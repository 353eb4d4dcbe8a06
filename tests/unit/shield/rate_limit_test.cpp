// Tests for shield/rate_limit: bursts, refill, Retry-After, separate keys, bounded memory.
#include "shield/rate_limit.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

using namespace std::chrono_literals;

TEST(RateLimit, AllowsTheBurstThenRefuses) {
    TokenBuckets buckets({.per_second = 1.0 / 60, .burst = 5});
    const auto t0 = Clock::time_point{} + 1h;
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(buckets.take("ip:203.0.113.7", t0).allowed) << i;
    const auto refused = buckets.take("ip:203.0.113.7", t0);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retry_after, 60s);
}

TEST(RateLimit, RefillsWithTime) {
    TokenBuckets buckets({.per_second = 1, .burst = 2});
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_TRUE(buckets.take("k", t0).allowed);
    EXPECT_TRUE(buckets.take("k", t0).allowed);
    EXPECT_FALSE(buckets.take("k", t0 + 500ms).allowed);
    EXPECT_TRUE(buckets.take("k", t0 + 1001ms).allowed);
    EXPECT_FALSE(buckets.take("k", t0 + 1001ms).allowed);
    // Never more than the burst, however long the wait.
    EXPECT_TRUE(buckets.take("k", t0 + 1h).allowed);
    EXPECT_TRUE(buckets.take("k", t0 + 1h).allowed);
    EXPECT_FALSE(buckets.take("k", t0 + 1h).allowed);
}

TEST(RateLimit, KeysAreIndependent) {
    TokenBuckets buckets({.per_second = 0.01, .burst = 1});
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_TRUE(buckets.take("a", t0).allowed);
    EXPECT_FALSE(buckets.take("a", t0).allowed);
    EXPECT_TRUE(buckets.take("b", t0).allowed);
}

TEST(RateLimit, PeekTakesNothing) {
    TokenBuckets buckets({.per_second = 0.01, .burst = 1});
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_TRUE(buckets.peek("a", t0).allowed);
    EXPECT_TRUE(buckets.peek("a", t0).allowed);
    EXPECT_TRUE(buckets.take("a", t0).allowed);
    EXPECT_FALSE(buckets.peek("a", t0).allowed);
}

TEST(RateLimit, ACostlyRequestTakesSeveralTokens) {
    TokenBuckets buckets({.per_second = 1, .burst = 10});
    const auto t0 = Clock::time_point{} + 1h;
    EXPECT_TRUE(buckets.take("k", t0, 8).allowed);
    const auto refused = buckets.take("k", t0, 8);
    EXPECT_FALSE(refused.allowed);
    EXPECT_EQ(refused.retry_after, 6s);
}

TEST(RateLimit, MemoryStaysBoundedUnderManyKeys) {
    TokenBuckets buckets({.per_second = 0.001, .burst = 3}, 1600);
    const auto t0 = Clock::time_point{} + 1h;
    for (int i = 0; i < 50000; ++i)
        buckets.take("ip:" + std::to_string(i), t0 + std::chrono::milliseconds(i));
    EXPECT_LE(buckets.tracked_keys(), 1600u);
    // The newest keys are remembered: a client hammering now is still limited.
    const std::string recent = "ip:49999";
    buckets.take(recent, t0 + 50s);
    buckets.take(recent, t0 + 50s);
    EXPECT_FALSE(buckets.take(recent, t0 + 50s).allowed);
}

TEST(RateLimit, TinyBoundsStillHold) {
    TokenBuckets buckets({.per_second = 1, .burst = 2}, 16);
    const auto t0 = Clock::time_point{} + 1h;
    for (int i = 0; i < 1000; ++i) buckets.take("k" + std::to_string(i), t0);
    EXPECT_LE(buckets.tracked_keys(), 16u);
}

TEST(RateLimit, FullBucketsAreForgottenFirst) {
    TokenBuckets buckets({.per_second = 1, .burst = 2}, 320);
    const auto t0 = Clock::time_point{} + 1h;
    for (int i = 0; i < 1000; ++i) buckets.take("old" + std::to_string(i), t0);
    buckets.take("hammering", t0 + 10s);
    buckets.take("hammering", t0 + 10s);
    // Newcomers make room by forgetting the keys seen long ago (full again by now), not
    // the bucket that is still empty.
    for (int i = 0; i < 100; ++i) buckets.take("new" + std::to_string(i), t0 + 10s);
    EXPECT_FALSE(buckets.take("hammering", t0 + 10s).allowed);
}

TEST(RateLimit, ACrowdOfNewAddressesSweepsRarely) {
    // Ten a minute with a burst of 20, as signing per address, each newcomer spending six
    // tokens: its bucket is full again 38 s later. They keep coming, 40 a second, so that a
    // shard of 100 keys holds about 95 that are still refilling: forgetting only the full
    // ones frees a handful, and every few newcomers swept the whole shard again.
    TokenBuckets buckets({.per_second = 10.0 / 60, .burst = 20}, 1600);
    const auto t0 = Clock::time_point{} + 1h;
    constexpr int arrivals = 12000;
    for (int i = 0; i < arrivals; ++i)
        EXPECT_TRUE(buckets.take("ip:" + std::to_string(i), t0 + i * 25ms, 6.3).allowed);
    EXPECT_LE(buckets.tracked_keys(), 1600u);
    // Each sweep makes room for a quarter of a shard at least.
    EXPECT_LT(buckets.sweeps(), static_cast<std::uint64_t>(arrivals / 20)) << buckets.sweeps();
}

}  // namespace
}  // namespace rempart::shield
