// Tests for shield/spent_tickets: a wait ticket serves once, is forgotten once it expires,
// and a full memory never lets a ticket serve twice.
#include "shield/spent_tickets.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rempart::shield {
namespace {

// Unix milliseconds, as the gate gives them; `s` seconds of them.
constexpr std::int64_t spent_now = 1'800'000'000'000;
constexpr std::int64_t s = 1000;
constexpr std::int64_t lifetime = 600 * s;

TEST(SpentTickets, ATicketServesOnce) {
    SpentTickets spent(lifetime);
    EXPECT_TRUE(spent.spend(spent_now, "abc", spent_now + 5 * s));
    EXPECT_FALSE(spent.spend(spent_now, "abc", spent_now + 6 * s));
    EXPECT_FALSE(spent.spend(spent_now, "abc", spent_now + 600 * s));
    // Another ticket of the same millisecond is another ticket.
    EXPECT_TRUE(spent.spend(spent_now, "abd", spent_now + 6 * s));
    EXPECT_EQ(spent.remembered(), 2u);
}

TEST(SpentTickets, ATicketIsForgottenOnlyOnceItCanNoLongerBeRedeemed) {
    SpentTickets spent(lifetime);
    ASSERT_TRUE(spent.spend(spent_now, "abc", spent_now + 5 * s));
    ASSERT_TRUE(spent.spend(spent_now + 100 * s, "def", spent_now + 105 * s));
    spent.spend(spent_now + 200 * s, "ghi", spent_now + 600 * s);
    EXPECT_EQ(spent.remembered(), 3u);  // the first can still be redeemed at spent_now + 600 * s
    spent.spend(spent_now + 200 * s, "jkl", spent_now + 601 * s);
    EXPECT_EQ(spent.remembered(), 3u);  // the first went, the fourth came
}

TEST(SpentTickets, PastItsCapacityTheOldestAreDroppedAndRefusedFromThen) {
    SpentTickets spent(lifetime, 3);
    ASSERT_TRUE(spent.spend(spent_now + 1 * s, "a", spent_now + 10 * s));
    ASSERT_TRUE(spent.spend(spent_now + 2 * s, "b", spent_now + 10 * s));
    ASSERT_TRUE(spent.spend(spent_now + 3 * s, "c", spent_now + 10 * s));
    EXPECT_EQ(spent.remembered(), 3u);
    // One past the capacity: the oldest goes, and cannot come back as unspent.
    ASSERT_TRUE(spent.spend(spent_now + 4 * s, "d", spent_now + 10 * s));
    EXPECT_EQ(spent.remembered(), 3u);
    EXPECT_FALSE(spent.spend(spent_now + 1 * s, "a", spent_now + 11 * s));
    // An unspent ticket issued as early is refused too: nothing says it was not spent.
    EXPECT_FALSE(spent.spend(spent_now + 1 * s, "z", spent_now + 11 * s));
    // Later tickets still serve once.
    EXPECT_TRUE(spent.spend(spent_now + 5 * s, "e", spent_now + 11 * s));
    EXPECT_FALSE(spent.spend(spent_now + 5 * s, "e", spent_now + 12 * s));
    for (const auto* nonce : {"b", "c", "d", "e"})
        EXPECT_FALSE(spent.spend(spent_now + ((nonce[0] - 'a') + 1) * s, nonce, spent_now + 12 * s))
            << nonce;
}

}  // namespace
}  // namespace rempart::shield
