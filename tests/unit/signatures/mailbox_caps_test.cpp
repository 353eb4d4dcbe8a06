// Tests for the count of confirmation mails a mailbox got today.
#include <gtest/gtest.h>

#include "signatures/mailbox_caps.hpp"

namespace rempart::signatures {
namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t monday_noon = 20000 * day + 12 * 3600;

TEST(MailboxCaps, CountsEachMailboxApartWithinTheDay) {
    MailboxCaps caps;
    for (int i = 0; i < 5; ++i) caps.count_mail("victim@asso.example", monday_noon + i);
    caps.count_mail("other@asso.example", monday_noon);
    EXPECT_EQ(caps.sent_today("victim@asso.example", monday_noon + 60), 5u);
    EXPECT_EQ(caps.sent_today("other@asso.example", monday_noon + 60), 1u);
    EXPECT_EQ(caps.sent_today("nobody@asso.example", monday_noon), 0u);
}

TEST(MailboxCaps, ANewDayStartsAfresh) {
    MailboxCaps caps;
    for (int i = 0; i < 5; ++i) caps.count_mail("victim@asso.example", monday_noon);
    // One second before midnight UTC still counts; one second after does not.
    EXPECT_EQ(caps.sent_today("victim@asso.example", 20001 * day - 1), 5u);
    EXPECT_EQ(caps.sent_today("victim@asso.example", 20001 * day), 0u);
    caps.count_mail("victim@asso.example", 20001 * day + 5);
    EXPECT_EQ(caps.sent_today("victim@asso.example", 20001 * day + 10), 1u);
}

TEST(MailboxCaps, MemoryStaysBoundedAndOldDaysGoFirst) {
    MailboxCaps caps(3);
    caps.count_mail("a@x.example", monday_noon - day);  // yesterday
    caps.count_mail("b@x.example", monday_noon);
    caps.count_mail("c@x.example", monday_noon);
    caps.count_mail("d@x.example", monday_noon);  // forgets yesterday's to make room
    EXPECT_EQ(caps.size(), 3u);
    EXPECT_EQ(caps.sent_today("d@x.example", monday_noon), 1u);
    // Full of today's mailboxes: a fourth is not counted (a flood over that many mailboxes
    // bombs nobody), and nobody already counted is forgotten.
    caps.count_mail("e@x.example", monday_noon);
    EXPECT_EQ(caps.size(), 3u);
    EXPECT_EQ(caps.sent_today("e@x.example", monday_noon), 0u);
    EXPECT_EQ(caps.sent_today("b@x.example", monday_noon), 1u);
    // The next day the same full map makes room again: yesterday's mailboxes go.
    caps.count_mail("f@x.example", monday_noon + day);
    EXPECT_EQ(caps.size(), 1u);
    EXPECT_EQ(caps.sent_today("f@x.example", monday_noon + day), 1u);
    caps.count_mail("e@x.example", monday_noon + day);
    EXPECT_EQ(caps.sent_today("e@x.example", monday_noon + day), 1u);
}

}  // namespace
}  // namespace rempart::signatures
