// Tests for admin/pool_share: one network's share of the password pool.
#include "admin/pool_share.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace rempart::admin {
namespace {

TEST(PoolShares, OneNetworkHoldsItsShareWhileAnotherStillGetsAPlace) {
    PoolShares shares(2);
    auto first = shares.claim("net:203.0.113.0/24");
    auto second = shares.claim("net:203.0.113.0/24");
    ASSERT_TRUE(first && second);
    EXPECT_FALSE(shares.claim("net:203.0.113.0/24"));  // one past its share
    EXPECT_TRUE(shares.claim("net:198.51.100.0/24"));
    EXPECT_EQ(shares.held_by("net:203.0.113.0/24"), 2u);
}

TEST(PoolShares, APlaceIsGivenBackWhenTheHashIsDone) {
    PoolShares shares(1);
    {
        auto place = shares.claim("net:a");
        ASSERT_TRUE(place);
        EXPECT_FALSE(shares.claim("net:a"));
        std::vector<PoolShares::Place> moved;
        moved.push_back(std::move(*place));
        place.reset();  // the moved-from place gives nothing back
        EXPECT_EQ(shares.held_by("net:a"), 1u);
    }
    EXPECT_EQ(shares.held_by("net:a"), 0u);
    EXPECT_TRUE(shares.claim("net:a"));
}

}  // namespace
}  // namespace rempart::admin
