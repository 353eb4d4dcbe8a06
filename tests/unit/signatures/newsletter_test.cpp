// The newsletter's consent: each link serves its own use only, and the version of the words
// follows the words and their language, nothing else.
#include "signatures/newsletter.hpp"

#include <gtest/gtest.h>

#include "signatures/unsubscribe_token.hpp"

namespace rempart::signatures {
namespace {

constexpr std::string_view newsletter_secret = "0123456789abcdef0123456789abcdef";

TEST(NewsletterLinks, EachLinkNamesItsSubscriptionForItsOwnUseOnly) {
    const auto confirm = newsletter_token(newsletter_secret, NewsletterLink::confirm, 77);
    const auto leave = newsletter_token(newsletter_secret, NewsletterLink::leave, 77);
    EXPECT_TRUE(confirm.starts_with("77-"));
    EXPECT_NE(confirm, leave);
    EXPECT_EQ(read_newsletter_token(newsletter_secret, NewsletterLink::confirm, confirm), 77);
    EXPECT_EQ(read_newsletter_token(newsletter_secret, NewsletterLink::leave, leave), 77);
    // A leave link confirms nothing, a confirmation link ends nothing, and a petition's
    // unsubscribe link is neither.
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::confirm, leave));
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::leave, confirm));
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::leave, unsubscribe_token(newsletter_secret, 77)));
    EXPECT_FALSE(read_unsubscribe_token(newsletter_secret, leave));
    // Another server's, another number with this mac, junk.
    EXPECT_FALSE(read_newsletter_token("another", NewsletterLink::confirm, confirm));
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::confirm, "78" + confirm.substr(2)));
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::confirm, ""));
    EXPECT_FALSE(read_newsletter_token(newsletter_secret, NewsletterLink::confirm, "77-"));
}

TEST(NewsletterWords, TheVersionFollowsTheWordsAndTheirLanguage) {
    const auto version = words_version("fr", "Je souhaite recevoir la lettre.");
    EXPECT_EQ(version.size(), 12u);
    EXPECT_EQ(version.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(version, words_version("fr", "Je souhaite recevoir la lettre."));
    EXPECT_NE(version, words_version("fr", "Je souhaite recevoir la lettre !"));
    EXPECT_NE(version, words_version("en", "Je souhaite recevoir la lettre."));
}

TEST(NewsletterStates, ReadWhatTheyWrite) {
    for (const auto state : {NewsletterState::pending, NewsletterState::subscribed,
                             NewsletterState::left, NewsletterState::expired})
        EXPECT_EQ(parse_newsletter_state(to_string(state)), state);
    EXPECT_FALSE(parse_newsletter_state("Subscribed"));
    EXPECT_EQ(to_string(NewsletterEnd::one_click), "one_click");
}

}  // namespace
}  // namespace rempart::signatures
