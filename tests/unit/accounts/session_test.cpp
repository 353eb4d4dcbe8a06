// Tests for session timeouts and e-mail addresses of accounts.
#include <gtest/gtest.h>

#include "accounts/account_email.hpp"
#include "accounts/errors.hpp"
#include "accounts/session.hpp"

namespace rempart::accounts {
namespace {

TEST(SessionTimeout, EndsAfterIdleSpell) {
    const SessionTimeouts timeouts{std::chrono::seconds(1800), std::chrono::seconds(43200)};
    const SessionTimes times{0, 1000};
    EXPECT_TRUE(session_alive(times, timeouts, 1000 + 1'799'999));
    EXPECT_FALSE(session_alive(times, timeouts, 1000 + 1'800'000));
}

TEST(SessionTimeout, EndsAtAbsoluteAgeHoweverActive) {
    const SessionTimeouts timeouts{std::chrono::seconds(1800), std::chrono::seconds(43200)};
    const SessionTimes times{0, 43'199'000};
    EXPECT_TRUE(session_alive(times, timeouts, 43'199'999));
    EXPECT_FALSE(session_alive(times, timeouts, 43'200'000));
    EXPECT_EQ(session_expiry_ms(5, timeouts), 43'200'005);
}

TEST(SessionTimeout, TouchesAtMostOnceAMinute) {
    const SessionTimeouts timeouts;
    EXPECT_FALSE(session_needs_touch({0, 0}, timeouts, 59'999));
    EXPECT_TRUE(session_needs_touch({0, 0}, timeouts, 60'000));
    const SessionTimeouts short_idle{std::chrono::seconds(10), std::chrono::seconds(100)};
    EXPECT_TRUE(session_needs_touch({0, 0}, short_idle, 1'000));
}

TEST(AccountEmail, KeepsOneFormPerAddress) {
    EXPECT_EQ(*account_email("  Ana@Example.ORG "), "ana@example.org");
    EXPECT_EQ(*account_email("ana@exämple.fr"), "ana@xn--exmple-cua.fr");
    for (const char* bad : {"", "ana", "ana@", "@example.org", "ana@localhost", "a b@example.org"})
        EXPECT_EQ(account_email(bad).error().code, AccountError::email_invalid) << bad;
}

}  // namespace
}  // namespace rempart::accounts
