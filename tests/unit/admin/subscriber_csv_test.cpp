// The subscribers' file for the mailing tool: fixed columns, each row its proof and its own
// leave link, and nothing a spreadsheet would run.
#include "admin/subscriber_csv.hpp"

#include <gtest/gtest.h>

namespace rempart::admin {
namespace {

TEST(SubscriberCsv, EachRowHoldsTheAddressItsProofAndItsLeaveLink) {
    store::NewsletterSubscriber marie;
    marie.id = 12;
    marie.email = "marie@example.org";
    marie.language = "fr";
    marie.asked_at = 1'700'000'000;
    marie.asked_on_slug = "piscine";
    marie.asked_words = "form01form01";
    marie.confirmed_at = 1'700'000'060;
    marie.confirmed_from = "192.0.2.0/24";
    marie.words_version = "abc123abc123";
    marie.words = "Je souhaite recevoir \"la lettre\".";
    marie.last_action_at = 1'700'000'060;
    store::NewsletterSubscriber formula = marie;
    formula.id = 13;
    formula.email = "=cmd@example.org";  // a valid address, and a formula to a spreadsheet
    const auto csv = subscriber_csv({marie, formula}, "https://p.example.org",
                                    [](std::int64_t id) { return "L" + std::to_string(id); });
    ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF\"email\",\"language\",\"subscribed_at\""));
    EXPECT_NE(csv.find("\"unsubscribe_url\"\r\n"), std::string::npos);
    EXPECT_NE(csv.find("\"marie@example.org\",\"fr\",\"2023-11-14T22:14:20Z\","
                       "\"2023-11-14T22:13:20Z\",\"https://p.example.org/petitions/piscine\","
                       "\"form01form01\",\"abc123abc123\",\"Je souhaite recevoir \"\"la lettre\"\".\","
                       "\"192.0.2.0/24\",\"2023-11-14T22:14:20Z\",\"L12\"\r\n"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find("\"'=cmd@example.org\""), std::string::npos);
    EXPECT_NE(csv.find("\"L13\"\r\n"), std::string::npos);
    // Three lines: the header and two subscribers.
    std::size_t lines = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++lines;
    EXPECT_EQ(lines, 3u);
}

TEST(SubscriberCsv, NoSubscriberGivesTheHeaderAlone) {
    const auto csv = subscriber_csv({}, "https://p.example.org", [](std::int64_t) { return ""; });
    EXPECT_EQ(csv.find("\r\n"), csv.size() - 2);
}

}  // namespace
}  // namespace rempart::admin
