// Tests for signatures in the store: duplicates, links, confirmation, withdrawal, counts.
#include <gtest/gtest.h>

#include "signatures/errors.hpp"
#include "store/event_repository.hpp"
#include "store/outbox_repository.hpp"
#include "store/petition_repository.hpp"
#include "store/signature_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

using signatures::NewSignature;
using signatures::SignatureState;

class SignatureStore : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        if (HasFatalFailure()) return;
        auto petition = insert_petition(*db_, {"p", "Titre", "", "Texte", 10, false}, 100);
        ASSERT_TRUE(petition.ok());
        petition_id_ = petition->id;
    }

    NewSignature signer(std::string canonical, std::int64_t now = 1000) const {
        return testing::sample_signature(petition_id_, canonical, now);
    }
    std::int64_t count(SignatureState state) { return count_signatures(*db_, petition_id_, state); }

    std::int64_t petition_id_ = 0;
};

TEST_F(SignatureStore, ANewSignatureIsPendingAndNotCounted) {
    const auto recorded = record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600);
    ASSERT_TRUE(recorded.ok()) << recorded.error().detail;
    EXPECT_EQ(recorded->kind, SigningRecord::Kind::created);
    EXPECT_EQ(count(SignatureState::pending), 1);
    EXPECT_EQ(count(SignatureState::confirmed), 0);
    EXPECT_EQ(find_petition(*db_, "p")->signature_count, 0);
}

TEST_F(SignatureStore, ConfirmingCountsOnceAndFillsTheRegion) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600).ok());
    const auto confirmed = confirm_signature(*db_, "h1", 1100);
    ASSERT_TRUE(confirmed.ok()) << confirmed.error().detail;
    EXPECT_TRUE(confirm_signature(*db_, "h1", 1200).ok());  // a second click changes nothing
    EXPECT_EQ(count(SignatureState::confirmed), 1);
    EXPECT_EQ(count(SignatureState::pending), 0);
    const auto listed = list_petitions(*db_);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].signature_count, 1);
    ASSERT_EQ(listed[0].signatures_by_region.size(), 1u);
    EXPECT_EQ(listed[0].signatures_by_region[0], (std::pair<std::string, std::int64_t>{"75", 1}));
}

TEST_F(SignatureStore, OnlyTheClickThatConfirmsOrWithdrawsSaysItChangedSomething) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600).ok());
    EXPECT_TRUE(confirm_signature(*db_, "h1", 1100)->changed);
    for (int again = 0; again < 4; ++again) {
        const auto repeated = confirm_signature(*db_, "h1", 1200 + again);
        ASSERT_TRUE(repeated.ok());
        EXPECT_FALSE(repeated->changed) << again;
        EXPECT_EQ(repeated->state, SignatureState::confirmed);
    }
    EXPECT_TRUE(withdraw_signature(*db_, "h1", 1300)->changed);
    EXPECT_FALSE(withdraw_signature(*db_, "h1", 1301)->changed);

    // Confirmed into quarantine: the first click sets the time, the next change nothing.
    ASSERT_TRUE(record_signature(*db_, signer("b@example.org"), "h2", 5000, 3600).ok());
    EXPECT_TRUE(confirm_signature(*db_, "h2", 1100, true)->changed);
    EXPECT_FALSE(confirm_signature(*db_, "h2", 1200, true)->changed);
    EXPECT_FALSE(confirm_signature(*db_, "h2", 1300)->changed);
}

TEST_F(SignatureStore, ADuplicateIsMailedAgainAtMostHourly) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org", 1000), "h1", 5000, 3600).ok());
    const auto soon = record_signature(*db_, signer("a@example.org", 1500), "h2", 5500, 3600);
    ASSERT_TRUE(soon.ok());
    EXPECT_EQ(soon->kind, SigningRecord::Kind::duplicate_quiet);
    EXPECT_FALSE(find_by_token(*db_, "h2", 1500).has_value());  // no link made, none sent
    const auto later = record_signature(*db_, signer("a@example.org", 4600), "h3", 9000, 3600);
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->kind, SigningRecord::Kind::duplicate_mail);
    EXPECT_EQ(later->signature_id, soon->signature_id);
    EXPECT_TRUE(find_by_token(*db_, "h3", 4600).has_value());
    EXPECT_EQ(count(SignatureState::pending), 1);  // never a second count
}

TEST_F(SignatureStore, AnExpiredOrUnknownLinkConfirmsNothing) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600).ok());
    EXPECT_EQ(confirm_signature(*db_, "h1", 5000).error().code,
              signatures::SignatureError::link_invalid);
    EXPECT_EQ(confirm_signature(*db_, "nope", 1100).error().code,
              signatures::SignatureError::link_invalid);
    EXPECT_EQ(count(SignatureState::confirmed), 0);
}

TEST_F(SignatureStore, AConfirmedLinkStaysValidToWithdraw) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600).ok());
    ASSERT_TRUE(confirm_signature(*db_, "h1", 1100).ok());
    const auto withdrawn = withdraw_signature(*db_, "h1", 1'000'000);  // long after expiry
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().detail;
    EXPECT_EQ(count(SignatureState::confirmed), 0);
    EXPECT_EQ(count(SignatureState::withdrawn), 1);
    EXPECT_TRUE(list_petitions(*db_)[0].signatures_by_region.empty());
    EXPECT_EQ(confirm_signature(*db_, "h1", 1'000'001).error().code,
              signatures::SignatureError::withdrawn);
}

TEST_F(SignatureStore, AWithdrawnSignerMaySignAgain) {
    ASSERT_TRUE(record_signature(*db_, signer("a@example.org"), "h1", 5000, 3600).ok());
    ASSERT_TRUE(withdraw_signature(*db_, "h1", 1100).ok());
    const auto again = record_signature(*db_, signer("a@example.org", 1200), "h2", 5200, 3600);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->kind, SigningRecord::Kind::created);
}

TEST_F(SignatureStore, EventsKeepTheirFacts) {
    signatures::SigningEvent event;
    event.at_ms = 123456;
    event.petition_id = petition_id_;
    event.verdict = "disposable";
    event.ip = "192.0.2.1";
    event.network = "net:192.0.2.0/24";
    event.asn = 64500;
    event.email_domain = "mailinator.com";
    event.name_key = "k1";
    event.user_agent = "curl/8";
    event.pow_difficulty = 10000;
    event.pow_verdict = "accepted";
    ASSERT_TRUE(insert_event(*db_, event).ok());
    const auto events = recent_events(*db_, petition_id_, 10);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].verdict, "disposable");
    EXPECT_EQ(events[0].asn, 64500);
    EXPECT_EQ(events[0].email_domain, "mailinator.com");
    EXPECT_EQ(events[0].comment_key, "");
    EXPECT_EQ(events[0].pow_difficulty, 10000);
}

TEST_F(SignatureStore, TheOutboxRetriesAndEmptiesSentMail) {
    const auto id = enqueue_mail(*db_, "confirmation", "from@x.org", "to@y.org", "body", 100);
    ASSERT_TRUE(id.ok());
    ASSERT_EQ(due_mails(*db_, 100, 10).size(), 1u);
    ASSERT_TRUE(mark_mail_retry(*db_, *id, 160, "mail.transient: 451").ok());
    EXPECT_TRUE(due_mails(*db_, 159, 10).empty());
    const auto due = due_mails(*db_, 160, 10);
    ASSERT_EQ(due.size(), 1u);
    EXPECT_EQ(due[0].attempts, 1);
    ASSERT_TRUE(mark_mail_sent(*db_, *id, 161).ok());
    EXPECT_TRUE(due_mails(*db_, 1000, 10).empty());
    EXPECT_EQ(count_mails(*db_).sent, 1);
    auto& body = db_->prepare("SELECT message FROM outbox WHERE id = ?1");
    body.bind(1, *id);
    ASSERT_TRUE(body.step());
    EXPECT_EQ(body.column_text(0), "");
    body.reset();
}

}  // namespace
}  // namespace rempart::store
