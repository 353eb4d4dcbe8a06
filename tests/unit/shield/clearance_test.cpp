// Tests for shield/clearance: the gate's cookie and its wait ticket, each forged, altered,
// expired and taken to another network.
#include "shield/clearance.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view home = "net:203.0.113.0/24";
constexpr std::string_view elsewhere = "net:198.51.100.0/24";
constexpr std::int64_t clearance_now = 1'800'000'000;
constexpr std::int64_t now_ms = clearance_now * 1000;  // tickets count in milliseconds
constexpr std::int64_t second = 1000;

Clearance clearance() {
    return Clearance(std::string(32, 'k'), 4h, 5s);
}

TEST(Clearance, AnIssuedCookieIsValidOnItsNetworkUntilItExpires) {
    const auto c = clearance();
    const auto cookie = c.issue(home, clearance_now);
    const auto check = c.check(cookie, home, clearance_now + 3600);
    EXPECT_EQ(check.verdict, ClearanceVerdict::valid);
    EXPECT_FALSE(check.id.empty());
    EXPECT_EQ(c.check(cookie, home, clearance_now + 4 * 3600).verdict, ClearanceVerdict::expired);
}

TEST(Clearance, EachCookieHasItsOwnId) {
    const auto c = clearance();
    const auto a = c.issue(home, clearance_now);
    const auto b = c.issue(home, clearance_now);
    EXPECT_NE(a, b);
    EXPECT_NE(c.check(a, home, clearance_now).id, c.check(b, home, clearance_now).id);
}

TEST(Clearance, ACookieEarnedOnAnotherNetworkIsRefused) {
    const auto c = clearance();
    EXPECT_EQ(c.check(c.issue(home, clearance_now), elsewhere, clearance_now).verdict,
              ClearanceVerdict::mismatch);
}

TEST(Clearance, AnAlteredCookieIsRefused) {
    const auto c = clearance();
    auto cookie = c.issue(home, clearance_now);
    // A later expiry written in by hand.
    const auto first_dot = cookie.find('.');
    const auto second_dot = cookie.find('.', first_dot + 1);
    auto longer = cookie;
    longer.replace(first_dot + 1, second_dot - first_dot - 1,
                   std::to_string(clearance_now + 999'999));
    EXPECT_EQ(c.check(longer, home, clearance_now).verdict, ClearanceVerdict::mismatch);
    auto flipped = cookie;
    flipped.back() = flipped.back() == '0' ? '1' : '0';
    EXPECT_EQ(c.check(flipped, home, clearance_now).verdict, ClearanceVerdict::mismatch);
}

TEST(Clearance, ACookieOfAnotherSecretIsRefused) {
    const Clearance other(std::string(32, 'z'), 4h, 5s);
    EXPECT_EQ(clearance().check(other.issue(home, clearance_now), home, clearance_now).verdict,
              ClearanceVerdict::mismatch);
}

TEST(Clearance, WhatIsNotACookieOfOursIsMalformed) {
    const auto c = clearance();
    EXPECT_EQ(c.check("", home, clearance_now).verdict, ClearanceVerdict::absent);
    for (const auto* text :
         {"x", "v1.", "v1..", "v1.abc.id.mac", "v2.1.id.mac", "v1.-5.id.mac", "v1.1800000000..mac"})
        EXPECT_EQ(c.check(text, home, clearance_now).verdict, ClearanceVerdict::malformed) << text;
    EXPECT_EQ(c.check(std::string(500, 'v'), home, clearance_now).verdict,
              ClearanceVerdict::malformed);
}

TEST(Clearance, ATicketOpensAfterTheWaitAndForTenMinutes) {
    const auto c = clearance();
    const auto ticket = c.ticket(home, now_ms);
    const auto early = c.redeem(ticket, home, now_ms + 2 * second);
    EXPECT_EQ(early.verdict, TicketVerdict::too_early);
    EXPECT_EQ(early.wait_seconds, 3);
    EXPECT_EQ(c.redeem(ticket, home, now_ms + 5 * second).verdict, TicketVerdict::redeemed);
    EXPECT_EQ(c.redeem(ticket, home, now_ms + 600 * second).verdict, TicketVerdict::redeemed);
    EXPECT_EQ(c.redeem(ticket, home, now_ms + 600 * second + 1).verdict, TicketVerdict::expired);
}

TEST(Clearance, ATicketIssuedLateInASecondStillWaitsTheWholeWait) {
    const auto c = clearance();
    const auto issued = now_ms + 999;
    const auto ticket = c.ticket(home, issued);
    // The second has turned five times, but five seconds have not passed.
    const auto early = c.redeem(ticket, home, now_ms + 5 * second);
    EXPECT_EQ(early.verdict, TicketVerdict::too_early);
    EXPECT_EQ(early.wait_seconds, 1);  // rounded up: never "wait 0 seconds"
    EXPECT_EQ(c.redeem(ticket, home, issued + 5 * second - 1).verdict, TicketVerdict::too_early);
    EXPECT_EQ(c.redeem(ticket, home, issued + 5 * second).verdict, TicketVerdict::redeemed);
}

TEST(Clearance, ARedeemedTicketSaysWhatTellsItApartFromAnother) {
    const auto c = clearance();
    const auto a = c.ticket(home, now_ms);
    const auto b = c.ticket(home, now_ms);
    const auto first = c.redeem(a, home, now_ms + 5 * second);
    const auto second_ticket = c.redeem(b, home, now_ms + 5 * second);
    EXPECT_EQ(first.issued_ms, now_ms);
    EXPECT_FALSE(first.nonce.empty());
    EXPECT_NE(first.nonce, second_ticket.nonce);
    EXPECT_TRUE(
        c.redeem(a, home, now_ms + 2 * second).nonce.empty());  // too early: nothing to spend
}

TEST(Clearance, ATicketIsBoundToItsNetworkAndCannotBeAltered) {
    const auto c = clearance();
    const auto ticket = c.ticket(home, now_ms);
    EXPECT_EQ(c.redeem(ticket, elsewhere, now_ms + 10 * second).verdict, TicketVerdict::invalid);
    // An earlier issue time written in, to skip the wait.
    const auto dot = ticket.find('.');
    const auto backdated = std::to_string(now_ms - 100 * second) + ticket.substr(dot);
    EXPECT_EQ(c.redeem(backdated, home, now_ms).verdict, TicketVerdict::invalid);
    EXPECT_EQ(c.redeem("", home, now_ms).verdict, TicketVerdict::invalid);
    EXPECT_EQ(c.redeem("garbage", home, now_ms).verdict, TicketVerdict::invalid);
}

TEST(Clearance, ACookieIsNotATicketNorATicketACookie) {
    const auto c = clearance();
    const auto cookie = c.issue(home, clearance_now);
    const auto ticket = c.ticket(home, now_ms - 10 * second);
    EXPECT_NE(c.check("v1." + ticket, home, clearance_now).verdict, ClearanceVerdict::valid);
    EXPECT_EQ(c.redeem(cookie.substr(3), home, now_ms).verdict, TicketVerdict::invalid);
}

}  // namespace
}  // namespace rempart::shield
