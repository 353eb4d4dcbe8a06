// Tests for the writes of a petition's news with their audit entry: a double click writes
// one draft, a victory sent marks the petition won, a refused step audits nothing, and the
// target's new link, its mail and the entry go together.
#include "store/news_steps.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"
#include "store/news_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

class NewsSteps : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        PetitionDraft draft;
        draft.slug = "piscine";
        draft.title = "Ouvrir la piscine";
        draft.body_markdown = "Texte";
        petition_ = insert_petition(*db_, draft, 10)->id;
    }
    AuditEntry entry(std::string action) const {
        return AuditEntry{0,
                          1000,
                          std::nullopt,
                          accounts::Actor::petition_author(petition_),
                          std::move(action),
                          "petition piscine",
                          ""};
    }
    std::int64_t audited() { return list_audit(*db_, 100).size(); }
    std::int64_t petition_ = 0;
};

TEST_F(NewsSteps, ADoubleClickWritesOneDraftButAnotherAuthorsTextIsItsOwn) {
    const NewsDraft draft{NewsKind::update, "Le bassin", "Il ouvre en juillet."};
    const auto first = write_news_once(*db_, petition_, draft, news_by_author, 200, entry("w"));
    ASSERT_TRUE(first.ok());
    const auto again = write_news_once(*db_, petition_, draft, news_by_author, 260, entry("w"));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->number, first->number);
    EXPECT_EQ(audited(), 1);
    EXPECT_EQ(list_audit(*db_, 1)[0].detail, "petition piscine, news 1");
    EXPECT_EQ(list_audit(*db_, 1)[0].actor, accounts::Actor::petition_author(petition_));
    // The same words by an organiser, or ten minutes later, are a news of their own.
    EXPECT_EQ(write_news_once(*db_, petition_, draft, "olga@example.org", 270, entry("w"))->number,
              2);
    EXPECT_EQ(write_news_once(*db_, petition_, draft, "olga@example.org", 870, entry("w"))->number,
              3);
    EXPECT_EQ(audited(), 3);
}

TEST_F(NewsSteps, AVictorySentMarksThePetitionWonAndARefusedStepAuditsNothing) {
    auto signer = testing::sample_signature(petition_, "ana@example.org", 100);
    signer.updates = true;
    ASSERT_TRUE(record_signature(*db_, signer, "h-ana", 9000, 60).ok());
    ASSERT_TRUE(db_->exec("UPDATE signatures SET state = 'confirmed'").ok());
    const NewsDraft victory{NewsKind::victory, "Gagné", "La piscine ouvre."};
    ASSERT_TRUE(write_news_once(*db_, petition_, victory, news_by_author, 200, entry("w")).ok());
    EXPECT_EQ(take_news_step(*db_, petition_, 1, NewsStep::pause, 300, entry("p")).error().code,
              PetitionError::news_state_conflict);
    EXPECT_EQ(take_news_step(*db_, petition_, 7, NewsStep::send, 300, entry("s")).error().code,
              PetitionError::news_not_found);
    EXPECT_EQ(audited(), 1);
    const auto sent = take_news_step(*db_, petition_, 1, NewsStep::send, 300, entry("s"));
    ASSERT_TRUE(sent.ok()) << sent.error().detail;
    EXPECT_EQ(sent->sending, NewsSending::sending);
    EXPECT_EQ(find_petition_by_id(*db_, petition_)->won_at, 300);
    EXPECT_EQ(take_news_step(*db_, petition_, 1, NewsStep::pause, 310, entry("p"))->sending,
              NewsSending::paused);
    EXPECT_EQ(audited(), 3);
}

TEST_F(NewsSteps, TheTargetsNewLinkItsMailAndTheEntryGoTogether) {
    const MailToQueue mail{"answer_request", "site@example.org", "maire@example.org", "Body"};
    ASSERT_TRUE(renew_answer_key(*db_, petition_, "k1", mail, 300, entry("answer_link")).ok());
    EXPECT_EQ(find_petition_by_answer_key(*db_, "k1")->id, petition_);
    const auto due = due_mails(*db_, 1000, 10);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].envelope_to, "maire@example.org");
    ASSERT_TRUE(
        renew_answer_key(*db_, petition_, "k2", std::nullopt, 310, entry("answer_link")).ok());
    EXPECT_FALSE(find_petition_by_answer_key(*db_, "k1"));
    EXPECT_EQ(due_mails(*db_, 1000, 10).size(), 1u);
    EXPECT_EQ(audited(), 2);
    // A petition with no signers to tell takes no link, and nothing is written.
    PetitionDraft draft;
    draft.slug = "brouillon";
    draft.title = "Brouillon";
    draft.body_markdown = "Texte";
    const auto id = insert_petition(*db_, draft, 10, PetitionState::draft)->id;
    EXPECT_EQ(renew_answer_key(*db_, id, "k3", mail, 320, entry("answer_link")).error().code,
              PetitionError::news_not_public);
}

}  // namespace
}  // namespace rempart::store
