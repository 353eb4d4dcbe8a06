// Tests for the newsletter's subscriptions in the store: asked only by a confirmed signature
// whose box was ticked, and once a day at most; given with its words; a real action starts
// the clock again; ended by the person or by time, the address erased; the current
// subscribers are those who confirmed, and nobody else.
#include "store/newsletter_repository.hpp"

#include <gtest/gtest.h>

#include "store/my_data_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

using signatures::NewsletterEnd;
using signatures::NewsletterState;

constexpr std::int64_t newsletter_day = 86400;
constexpr std::int64_t newsletter_t0 = 1'700'000'000;

class Newsletter : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        another_petition("piscine");
    }
    // The petition the next signatures go to: one signature a mailbox and petition.
    void another_petition(const std::string& slug) {
        PetitionDraft draft;
        draft.slug = slug;
        draft.title = "Pétition " + slug;
        draft.body_markdown = "Texte";
        petition_ = insert_petition(*db_, draft, newsletter_t0)->id;
    }
    // A signature of `email`, the box ticked or not, confirmed at `at`: what the store
    // answers for the newsletter.
    std::optional<NewsletterAsk> sign_and_confirm(const std::string& email, bool ticked,
                                                  std::int64_t at) {
        auto signature = testing::sample_signature(petition_, email, at);
        signature.newsletter = ticked;
        signature.consent_version = "form-v1";
        const auto hash = "h-" + email + std::to_string(at);
        const auto recorded = record_signature(*db_, signature, hash, at + newsletter_day, 60);
        EXPECT_TRUE(recorded.ok());
        EXPECT_TRUE(confirm_signature(*db_, hash, at, false).ok());
        auto ask = note_confirmed_signature(*db_, recorded->signature_id, at);
        EXPECT_TRUE(ask.ok());
        return ask ? *ask : std::nullopt;
    }
    ConsentWords words() const { return {"abc123abc123", "fr", "Je souhaite recevoir la lettre."}; }
    std::int64_t petition_ = 0;
};

TEST_F(Newsletter, OnlyATickedBoxOnAConfirmedSignatureAsksAndNothingCountsUntilConfirmed) {
    EXPECT_FALSE(sign_and_confirm("paul@example.org", false, newsletter_t0));
    const auto ask = sign_and_confirm("marie@example.org", true, newsletter_t0);
    ASSERT_TRUE(ask);
    EXPECT_EQ(ask->email, "marie@example.org");
    ASSERT_TRUE(enqueue_newsletter_confirmation(*db_, "asso@example.org", ask->email,
                                                ask->subscriber_id, newsletter_t0)
                    .ok());
    const auto due = due_mails(*db_, newsletter_t0, 10);
    ASSERT_EQ(due.size(), 1u);
    ASSERT_TRUE(due[0].newsletter);
    EXPECT_EQ(due[0].newsletter->subscriber_id, ask->subscriber_id);
    EXPECT_EQ(due[0].newsletter->language, "fr");
    EXPECT_EQ(count_subscriptions(*db_).pending, 1);
    EXPECT_TRUE(current_subscribers(*db_).empty());

    // Confirmed, with its words: the only way into the list.
    const auto before =
        confirm_subscription(*db_, ask->subscriber_id, words(), "192.0.2.0/24", newsletter_t0 + 60);
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(*before, NewsletterState::pending);
    const auto list = current_subscribers(*db_);
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].email, "marie@example.org");
    EXPECT_EQ(list[0].confirmed_at, newsletter_t0 + 60);
    EXPECT_EQ(list[0].confirmed_from, "192.0.2.0/24");
    EXPECT_EQ(list[0].words_version, "abc123abc123");
    EXPECT_EQ(list[0].words, "Je souhaite recevoir la lettre.");
    EXPECT_EQ(list[0].asked_words, "form-v1");
    EXPECT_EQ(list[0].asked_on_slug, "piscine");
    // A second click changes nothing, and says it was done before.
    EXPECT_EQ(*confirm_subscription(*db_, ask->subscriber_id, words(), "198.51.100.0/24",
                                    newsletter_t0 + 120),
              NewsletterState::subscribed);
    EXPECT_EQ(current_subscribers(*db_)[0].confirmed_from, "192.0.2.0/24");
    EXPECT_FALSE(*confirm_subscription(*db_, 999, words(), "", newsletter_t0));
}

TEST_F(Newsletter, APendingRequestIsMailedAgainOnceADayAtMost) {
    ASSERT_TRUE(sign_and_confirm("marie@example.org", true, newsletter_t0));
    // Another petition the same hour: no second mail.
    another_petition("velo");
    EXPECT_FALSE(sign_and_confirm("marie@example.org", true, newsletter_t0 + 3600));
    another_petition("parc");
    EXPECT_TRUE(sign_and_confirm("marie@example.org", true, newsletter_t0 + newsletter_day + 1));
    EXPECT_EQ(value("SELECT COUNT(*) FROM newsletter_subscribers"), "1");
}

TEST_F(Newsletter, ARealActionStartsTheClockAgainAndSilenceEndsItTheAddressErased) {
    const auto ask = sign_and_confirm("marie@example.org", true, newsletter_t0);
    ASSERT_TRUE(ask);
    ASSERT_TRUE(
        confirm_subscription(*db_, ask->subscriber_id, words(), "192.0.2.0/24", newsletter_t0).ok());
    const auto idle = 1095 * newsletter_day;
    // Another signature confirmed a year later, box not ticked: a real action all the same.
    another_petition("velo");
    EXPECT_FALSE(sign_and_confirm("marie@example.org", false, newsletter_t0 + 365 * newsletter_day));
    // Three years after the subscription, a day more: kept, since the signature was later.
    const auto three_years = newsletter_t0 + idle + newsletter_day;
    EXPECT_EQ(*end_idle_subscriptions(*db_, three_years - idle, 0, three_years, 100), 0);
    const auto later = newsletter_t0 + 365 * newsletter_day + idle + 1;
    EXPECT_EQ(*end_idle_subscriptions(*db_, later - idle, 0, later, 100), 1);
    EXPECT_EQ(value("SELECT state || ended_how || COALESCE(email, '-') || COALESCE(mailbox, '-') "
                    "FROM newsletter_subscribers"),
              "expiredexpired--");
    EXPECT_TRUE(current_subscribers(*db_).empty());
    EXPECT_EQ(count_subscriptions(*db_).expired, 1);
}

TEST_F(Newsletter, ARequestNeverConfirmedIsDeletedWithItsQueuedMail) {
    const auto ask = sign_and_confirm("marie@example.org", true, newsletter_t0);
    ASSERT_TRUE(ask);
    ASSERT_TRUE(enqueue_newsletter_confirmation(*db_, "asso@example.org", ask->email,
                                                ask->subscriber_id, newsletter_t0)
                    .ok());
    EXPECT_EQ(*end_idle_subscriptions(*db_, 0, newsletter_t0, newsletter_t0, 100), 0);
    EXPECT_EQ(*end_idle_subscriptions(*db_, 0, newsletter_t0 + 1, newsletter_t0, 100), 1);
    EXPECT_EQ(value("SELECT COUNT(*) FROM newsletter_subscribers"), "0");
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox"), "0");
}

TEST_F(Newsletter, LeavingErasesTheAddressOnceAndTakesBackTheMailNotSent) {
    const auto ask = sign_and_confirm("marie@example.org", true, newsletter_t0);
    ASSERT_TRUE(ask);
    ASSERT_TRUE(enqueue_newsletter_confirmation(*db_, "asso@example.org", ask->email,
                                                ask->subscriber_id, newsletter_t0)
                    .ok());
    const auto ended = end_subscription(*db_, ask->subscriber_id, NewsletterEnd::one_click,
                                        newsletter_t0 + 5);
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(*ended, "marie@example.org");
    EXPECT_FALSE(*end_subscription(*db_, ask->subscriber_id, NewsletterEnd::link, newsletter_t0));
    EXPECT_EQ(value("SELECT state || ended_how || COALESCE(email, '-') FROM newsletter_subscribers"),
              "leftone_click-");
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox"), "0");
    // Gone for good: a confirmation afterwards subscribes nobody.
    EXPECT_EQ(*confirm_subscription(*db_, ask->subscriber_id, words(), "", newsletter_t0 + 9),
              NewsletterState::left);
    EXPECT_TRUE(current_subscribers(*db_).empty());
    // The box ticked again later, on another petition: a new request, the old row kept
    // without its address.
    another_petition("velo");
    EXPECT_TRUE(sign_and_confirm("marie@example.org", true, newsletter_t0 + 10));
    EXPECT_EQ(value("SELECT COUNT(*) FROM newsletter_subscribers"), "2");
}

TEST_F(Newsletter, MyDataStopsItAndErasingEverythingToo) {
    const auto ask = sign_and_confirm("marie@example.org", true, newsletter_t0);
    ASSERT_TRUE(ask);
    ASSERT_TRUE(
        confirm_subscription(*db_, ask->subscriber_id, words(), "192.0.2.0/24", newsletter_t0).ok());
    ASSERT_TRUE(subscription_of_mailbox(*db_, "marie@example.org"));
    EXPECT_TRUE(mailbox_has_signed(*db_, "marie@example.org"));
    // A replay's moment before the subscription leaves it alone.
    EXPECT_EQ(*end_subscription_of_mailbox(*db_, "marie@example.org", NewsletterEnd::my_data,
                                           newsletter_t0 - 1, newsletter_t0),
              0);
    EXPECT_EQ(*unsubscribe_mailbox(*db_, "marie@example.org", newsletter_t0 + 5), 2);
    EXPECT_FALSE(subscription_of_mailbox(*db_, "marie@example.org"));
    EXPECT_EQ(value("SELECT ended_how FROM newsletter_subscribers"), "my_data");

    // Subscribed again, then everything erased: the subscription goes with the signatures.
    another_petition("velo");
    const auto again = sign_and_confirm("marie@example.org", true, newsletter_t0 + 10);
    ASSERT_TRUE(again);
    EXPECT_TRUE(erase_mailbox(*db_, "marie@example.org", std::nullopt, newsletter_t0 + 20).ok());
    EXPECT_FALSE(subscription_of_mailbox(*db_, "marie@example.org"));
    EXPECT_EQ(value("SELECT COUNT(*) FROM newsletter_subscribers WHERE email IS NOT NULL"), "0");
}

}  // namespace
}  // namespace rempart::store
