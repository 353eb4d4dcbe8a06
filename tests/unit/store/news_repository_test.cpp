// Tests for a petition's news in the store: numbering, who receives it, sending in batches
// from a cursor that survives a reopen, pause and resume, nothing sent twice, and leaving.
#include "store/news_repository.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "petitions/errors.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

class NewsStore : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        PetitionDraft draft;
        draft.slug = "velo";
        draft.title = "Des pistes cyclables";
        draft.body_markdown = "Texte";
        petition_ = insert_petition(*db_, draft, 10)->id;
    }
    // A signer; `informed`: ticked "keep me informed"; `state` as the store writes it.
    std::int64_t sign(const std::string& email, bool informed,
                      const std::string& state = "confirmed") {
        auto s = testing::sample_signature(petition_, email, 100);
        s.updates = informed;
        const auto recorded = record_signature(*db_, s, "h-" + email, 9000, 60);
        EXPECT_TRUE(recorded.ok());
        const auto id = recorded ? recorded->signature_id : 0;
        EXPECT_TRUE(
            db_->exec("UPDATE signatures SET state = '" + state + "' WHERE email = '" + email + "'")
                .ok());
        return id;
    }
    News write(const std::string& subject, NewsKind kind = NewsKind::update) {
        auto news = insert_news(*db_, petition_, {kind, subject, "Nous avons été reçus."},
                                "olga@example.org", 200);
        EXPECT_TRUE(news.ok()) << news.error().detail;
        return *news;
    }
    std::vector<std::string> queued_to(std::int64_t news_id) {
        std::vector<std::string> to;
        for (const auto& mail : due_mails(*db_, 1'000'000, 1000))
            if (mail.news && mail.news->news_id == news_id) to.push_back(mail.envelope_to);
        return to;
    }
    std::int64_t petition_ = 0;
};

TEST_F(NewsStore, NewsIsNumberedPerPetitionAndStartsAsADraftShownNowhere) {
    const auto first = write("Première");
    const auto second = write("Seconde");
    EXPECT_EQ(first.number, 1);
    EXPECT_EQ(second.number, 2);
    EXPECT_EQ(first.sending, NewsSending::draft);
    EXPECT_EQ(first.author, "olga@example.org");
    const auto all = list_news(*db_, petition_);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].subject, "Seconde");  // newest first
    EXPECT_TRUE(list_public_petitions(*db_)[0].news.empty());
    EXPECT_EQ(find_news(*db_, petition_, 2)->subject, "Seconde");
    EXPECT_FALSE(find_news(*db_, petition_, 3));
}

TEST_F(NewsStore, OnlyPublishedAndClosedPetitionsTakeNews) {
    PetitionDraft draft;
    draft.slug = "brouillon";
    draft.title = "Brouillon";
    draft.body_markdown = "Texte";
    const auto id = insert_petition(*db_, draft, 10, PetitionState::draft)->id;
    EXPECT_EQ(insert_news(*db_, id, {NewsKind::update, "S", "T"}, "o", 1).error().code,
              PetitionError::news_not_public);
    EXPECT_EQ(insert_news(*db_, 999, {NewsKind::update, "S", "T"}, "o", 1).error().code,
              PetitionError::not_found);
}

TEST_F(NewsStore, OnlyConfirmedSignersWhoAskedAndStayedReceiveIt) {
    sign("a@example.org", true);
    sign("b@example.org", false);
    sign("c@example.org", true, "pending");
    sign("d@example.org", true, "quarantined");
    sign("e@example.org", true, "withdrawn");
    const auto left = sign("f@example.org", true);
    ASSERT_TRUE(leave_news(*db_, left, 150).ok());
    EXPECT_EQ(count_news_recipients(*db_, petition_), 1);
    const auto news = write("Reçus en mairie");
    const auto started = start_sending(*db_, petition_, news.number, 300);
    ASSERT_TRUE(started.ok()) << started.error().detail;
    EXPECT_EQ(started->recipients, 1);
    EXPECT_EQ(started->published_at, 300);
    const auto batch = queue_news_batch(*db_, news.id, 100, "petitions@example.org", 300);
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(batch->queued, 1);
    EXPECT_TRUE(batch->finished);
    EXPECT_EQ(queued_to(news.id), std::vector<std::string>{"a@example.org"});
    // The mail is made of its parts as it leaves: the news and the signer.
    const auto mails = due_mails(*db_, 1'000'000, 10);
    ASSERT_EQ(mails.size(), 1u);
    ASSERT_TRUE(mails[0].news);
    EXPECT_FALSE(mails[0].confirmation);
    EXPECT_EQ(mails[0].news->subject, "Reçus en mairie");
    EXPECT_EQ(mails[0].news->petition_slug, "velo");
    EXPECT_EQ(mails[0].news->signer_name, "Marie Curie");
    EXPECT_EQ(mails[0].news->kind, "update");
    // Sent once on the page, from then on.
    const auto shown = list_public_petitions(*db_)[0].news;
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].subject, "Reçus en mairie");
    EXPECT_EQ(shown[0].published_at, 300);
}

TEST_F(NewsStore, NobodyToTellLeavesTheNewsADraftAndSendingTwiceSendsOnce) {
    const auto news = write("Personne");
    EXPECT_EQ(start_sending(*db_, petition_, news.number, 300).error().code,
              PetitionError::news_no_recipients);
    EXPECT_EQ(find_news(*db_, petition_, news.number)->sending, NewsSending::draft);
    sign("a@example.org", true);
    ASSERT_TRUE(start_sending(*db_, petition_, news.number, 310).ok());
    EXPECT_EQ(start_sending(*db_, petition_, news.number, 320).error().code,
              PetitionError::news_state_conflict);
    EXPECT_EQ(start_sending(*db_, petition_, 99, 320).error().code, PetitionError::news_not_found);
}

TEST_F(NewsStore, BatchesFollowTheCursorPauseHoldsThemAndEachSignerGetsOneMail) {
    for (int i = 0; i < 25; ++i) sign("s" + std::to_string(i) + "@example.org", true);
    const auto news = write("Par lots");
    ASSERT_TRUE(start_sending(*db_, petition_, news.number, 300).ok());
    EXPECT_EQ(news_being_sent(*db_), std::vector<std::int64_t>{news.id});
    EXPECT_EQ(queue_news_batch(*db_, news.id, 10, "p@example.org", 300)->queued, 10);
    EXPECT_EQ(news_mails_waiting(*db_, news.id), 10);

    ASSERT_TRUE(pause_sending(*db_, petition_, news.number).ok());
    EXPECT_EQ(pause_sending(*db_, petition_, news.number).error().code,
              PetitionError::news_state_conflict);
    EXPECT_TRUE(news_being_sent(*db_).empty());
    EXPECT_EQ(queue_news_batch(*db_, news.id, 10, "p@example.org", 300)->queued, 0);

    // Reopened, as after a restart: the cursor is in the store.
    const auto path = dir_ / "rempart.db";
    db_.reset();
    auto reopened = Database::open(path, Database::Mode::read_write);
    ASSERT_TRUE(reopened.ok());
    db_ = std::move(*reopened);
    ASSERT_TRUE(resume_sending(*db_, petition_, news.number).ok());
    EXPECT_EQ(resume_sending(*db_, petition_, news.number).error().code,
              PetitionError::news_state_conflict);
    EXPECT_EQ(queue_news_batch(*db_, news.id, 10, "p@example.org", 300)->queued, 10);
    const auto last = queue_news_batch(*db_, news.id, 10, "p@example.org", 300);
    EXPECT_EQ(last->queued, 5);
    EXPECT_TRUE(last->finished);
    EXPECT_EQ(find_news(*db_, petition_, news.number)->sending, NewsSending::sent);
    EXPECT_EQ(queue_news_batch(*db_, news.id, 10, "p@example.org", 300)->queued, 0);

    auto to = queued_to(news.id);
    std::sort(to.begin(), to.end());
    EXPECT_EQ(to.size(), 25u);
    EXPECT_EQ(std::unique(to.begin(), to.end()), to.end());

    // Progress counts what left the outbox.
    for (const auto& mail : due_mails(*db_, 1'000'000, 7))
        ASSERT_TRUE(mark_mail_sent(*db_, mail.id, 400).ok());
    const auto stood = find_news(*db_, petition_, news.number);
    EXPECT_EQ(stood->queued, 25);
    EXPECT_EQ(stood->delivered, 7);
    EXPECT_EQ(sending_percent(*stood), 28);
}

TEST_F(NewsStore, ASignerWhoLeavesGetsNoMailStillQueuedAndLeavingTwiceChangesNothing) {
    const auto marie = sign("marie@example.org", true);
    const auto paul = sign("paul@example.org", true);
    const auto never = sign("never@example.org", false);
    const auto news = write("Bientôt");
    ASSERT_TRUE(start_sending(*db_, petition_, news.number, 300).ok());
    ASSERT_TRUE(queue_news_batch(*db_, news.id, 10, "p@example.org", 300).ok());
    EXPECT_TRUE(*leave_news(*db_, marie, 310));
    EXPECT_FALSE(*leave_news(*db_, marie, 320));
    EXPECT_FALSE(*leave_news(*db_, never, 320));
    EXPECT_EQ(queued_to(news.id), std::vector<std::string>{"paul@example.org"});
    const auto subscription = find_subscription(*db_, marie);
    ASSERT_TRUE(subscription);
    EXPECT_FALSE(subscription->subscribed);
    EXPECT_EQ(subscription->petition_slug, "velo");
    EXPECT_TRUE(find_subscription(*db_, paul)->subscribed);
    EXPECT_FALSE(find_subscription(*db_, 9999));
    // The consent's time stays, as its proof; the leaving is dated.
    auto& row = db_->prepare(
        "SELECT updates_at IS NOT NULL, updates_left_at FROM signatures WHERE id = ?1");
    row.bind(1, marie);
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.column_int(0), 1);
    EXPECT_EQ(row.column_int(1), 310);
    row.reset();
    EXPECT_EQ(count_news_recipients(*db_, petition_), 1);
}

TEST_F(NewsStore, AVictorySentMarksThePetitionWonOnce) {
    EXPECT_FALSE(list_public_petitions(*db_)[0].won_at);
    ASSERT_TRUE(mark_petition_won(*db_, petition_, 500).ok());
    ASSERT_TRUE(mark_petition_won(*db_, petition_, 600).ok());
    EXPECT_EQ(list_public_petitions(*db_)[0].won_at, 500);
}

TEST_F(NewsStore, TheTargetsLinkServesOnceAndANewOneStopsTheOld) {
    ASSERT_TRUE(set_answer_key(*db_, petition_, "k1").ok());
    ASSERT_TRUE(set_answer_key(*db_, petition_, "k2").ok());
    EXPECT_FALSE(find_petition_by_answer_key(*db_, "k1"));
    EXPECT_EQ(find_petition_by_answer_key(*db_, "k2")->id, petition_);
    EXPECT_FALSE(*take_target_answer(*db_, "k1", {NewsKind::answer, "Non", "Non."}, 300));
    const auto taken = take_target_answer(*db_, "k2", {NewsKind::answer, "Oui", "Oui."}, 300);
    ASSERT_TRUE(taken.ok() && *taken);
    EXPECT_EQ((*taken)->author, "target");
    EXPECT_EQ((*taken)->kind, NewsKind::answer);
    EXPECT_EQ((*taken)->sending, NewsSending::draft);
    EXPECT_FALSE(*take_target_answer(*db_, "k2", {NewsKind::answer, "Encore", "Encore."}, 310));
    EXPECT_EQ(list_news(*db_, petition_).size(), 1u);
    // A draft has no target to answer yet; no petition, no link.
    PetitionDraft draft;
    draft.slug = "brouillon";
    draft.title = "Brouillon";
    draft.body_markdown = "Texte";
    const auto id = insert_petition(*db_, draft, 10, PetitionState::draft)->id;
    EXPECT_EQ(set_answer_key(*db_, id, "k3").error().code, PetitionError::news_not_public);
    EXPECT_EQ(set_answer_key(*db_, 999, "k4").error().code, PetitionError::not_found);
}

}  // namespace
}  // namespace rempart::store
