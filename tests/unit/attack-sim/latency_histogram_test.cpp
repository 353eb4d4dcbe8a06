// tools/attack-sim/latency_histogram: quantiles within the width of a bucket, in bounded
// memory, merged across threads.
#include <gtest/gtest.h>

#include "attack-sim/latency_histogram.hpp"

namespace rempart::attack {
namespace {

using std::chrono::microseconds;

TEST(LatencyHistogram, QuantilesOfAUniformSpreadAreWithinABucket) {
    LatencyHistogram histogram;
    for (int us = 1; us <= 100000; ++us) histogram.record(microseconds(us));
    EXPECT_EQ(histogram.count(), 100000u);
    EXPECT_NEAR(histogram.quantile(0.50).count(), 50000, 50000 * 0.016);
    EXPECT_NEAR(histogram.quantile(0.99).count(), 99000, 99000 * 0.016);
    EXPECT_EQ(histogram.quantile(1.0), microseconds(100000));
    EXPECT_EQ(histogram.max(), microseconds(100000));
    EXPECT_NEAR(histogram.mean_ms(), 50.0, 0.01);
}

TEST(LatencyHistogram, SmallLatenciesAreExact) {
    LatencyHistogram histogram;
    for (int us : {3, 7, 7, 40, 63}) histogram.record(microseconds(us));
    EXPECT_EQ(histogram.quantile(0.5), microseconds(7));
    EXPECT_EQ(histogram.quantile(0.99), microseconds(63));
}

TEST(LatencyHistogram, ASlowTailShowsInTheNinetyNinth) {
    LatencyHistogram histogram;
    for (int i = 0; i < 980; ++i) histogram.record(microseconds(800));
    for (int i = 0; i < 20; ++i) histogram.record(microseconds(250000));
    EXPECT_NEAR(histogram.quantile(0.5).count(), 800, 13);
    EXPECT_NEAR(histogram.quantile(0.99).count(), 250000, 250000 * 0.016);
}

TEST(LatencyHistogram, MergedHistogramsCountBoth) {
    LatencyHistogram a, b;
    a.record(microseconds(1000));
    b.record(microseconds(3000000));  // 3 s
    b.record(microseconds(-5));       // a clock that stepped back counts as zero
    a.merge(b);
    EXPECT_EQ(a.count(), 3u);
    EXPECT_EQ(a.quantile(0.0), microseconds(0));
    EXPECT_EQ(a.max(), microseconds(3000000));
    EXPECT_EQ(LatencyHistogram{}.quantile(0.99), microseconds(0));
}

}  // namespace
}  // namespace rempart::attack
