// Tests for shield/spent_tickets: a wait ticket serves once, is forgotten once it expires,
// and a full memory never lets a ticket serve twice.
#include "shield/spent_tickets.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rempart::shield {
namespace {

constexpr std::int64_t now = 1'800'000'000;

TEST(SpentTickets, ATicketServesOnce) {
    SpentTickets spent(600);
    EXPECT_TRUE(spent.spend(now, "abc", now + 5));
    EXPECT_FALSE(spent.spend(now, "abc", now + 6));
    EXPECT_FALSE(spent.spend(now, "abc", now + 600));
    // Another ticket of the same second is another ticket.
    EXPECT_TRUE(spent.spend(now, "abd", now + 6));
    EXPECT_EQ(spent.remembered(), 2u);
}

TEST(SpentTickets, ATicketIsForgottenOnlyOnceItCanNoLongerBeRedeemed) {
    SpentTickets spent(600);
    ASSERT_TRUE(spent.spend(now, "abc", now + 5));
    ASSERT_TRUE(spent.spend(now + 100, "def", now + 105));
    spent.spend(now + 200, "ghi", now + 600);
    EXPECT_EQ(spent.remembered(), 3u);  // the first can still be redeemed at now + 600
    spent.spend(now + 200, "jkl", now + 601);
    EXPECT_EQ(spent.remembered(), 3u);  // the first went, the fourth came
}

TEST(SpentTickets, PastItsCapacityTheOldestAreDroppedAndRefusedFromThen) {
    SpentTickets spent(600, 3);
    ASSERT_TRUE(spent.spend(now + 1, "a", now + 10));
    ASSERT_TRUE(spent.spend(now + 2, "b", now + 10));
    ASSERT_TRUE(spent.spend(now + 3, "c", now + 10));
    EXPECT_EQ(spent.remembered(), 3u);
    // One past the capacity: the oldest goes, and cannot come back as unspent.
    ASSERT_TRUE(spent.spend(now + 4, "d", now + 10));
    EXPECT_EQ(spent.remembered(), 3u);
    EXPECT_FALSE(spent.spend(now + 1, "a", now + 11));
    // An unspent ticket issued as early is refused too: nothing says it was not spent.
    EXPECT_FALSE(spent.spend(now + 1, "z", now + 11));
    // Later tickets still serve once.
    EXPECT_TRUE(spent.spend(now + 5, "e", now + 11));
    EXPECT_FALSE(spent.spend(now + 5, "e", now + 12));
    for (const auto* nonce : {"b", "c", "d", "e"})
        EXPECT_FALSE(spent.spend(now + (nonce[0] - 'a') + 1, nonce, now + 12)) << nonce;
}

}  // namespace
}  // namespace rempart::shield
