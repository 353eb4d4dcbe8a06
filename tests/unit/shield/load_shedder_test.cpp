// Tests for shield/load_shedder: the lowest priorities go first, the critical never.
#include "shield/load_shedder.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

using namespace std::chrono_literals;
using http::Priority;

TEST(LoadShedder, NothingIsShedWhileTheServerKeepsUp) {
    const ShedSettings settings;
    for (const auto p : {Priority::critical, Priority::high, Priority::normal, Priority::low})
        EXPECT_FALSE(should_shed(p, {0ms, 0}, settings));
}

TEST(LoadShedder, LowPriorityGoesFirstWhenTheStoreFallsBehind) {
    const ShedSettings settings;  // low from 8 queued reads, normal from 32
    EXPECT_FALSE(should_shed(Priority::low, {0ms, 7}, settings));
    EXPECT_TRUE(should_shed(Priority::low, {0ms, 8}, settings));
    EXPECT_FALSE(should_shed(Priority::normal, {0ms, 31}, settings));
    EXPECT_TRUE(should_shed(Priority::normal, {0ms, 32}, settings));
}

TEST(LoadShedder, LowPriorityGoesFirstWhenTheIoThreadsLag) {
    const ShedSettings settings;  // low from 25 ms, normal from 100 ms
    EXPECT_FALSE(should_shed(Priority::low, {24ms, 0}, settings));
    EXPECT_TRUE(should_shed(Priority::low, {25ms, 0}, settings));
    EXPECT_FALSE(should_shed(Priority::normal, {99ms, 0}, settings));
    EXPECT_TRUE(should_shed(Priority::normal, {100ms, 0}, settings));
}

TEST(LoadShedder, PagesFromMemorySigningAndConfirmingAreNeverShed) {
    const ShedSettings settings;
    for (const auto p : {Priority::critical, Priority::high})
        EXPECT_FALSE(should_shed(p, {10s, 100000}, settings));
}

}  // namespace
}  // namespace rempart::shield
