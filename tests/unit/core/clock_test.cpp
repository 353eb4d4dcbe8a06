// Tests for the wall clock: seconds and milliseconds agree, and both are Unix time.
#include "core/clock.hpp"

#include <gtest/gtest.h>

#include <ctime>

namespace rempart {
namespace {

TEST(Clock, SecondsAndMillisecondsAreTheSameUnixTime) {
    const auto seconds = unix_now();
    const auto ms = unix_now_ms();
    EXPECT_NEAR(static_cast<double>(ms / 1000), static_cast<double>(seconds), 1.0);
    EXPECT_NEAR(static_cast<double>(seconds), static_cast<double>(std::time(nullptr)), 1.0);
    EXPECT_GT(seconds, 1'700'000'000);  // after November 2023: not a monotonic clock
}

}  // namespace
}  // namespace rempart
