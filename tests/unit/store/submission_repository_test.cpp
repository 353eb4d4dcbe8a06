// Tests for store/submission_repository: a proposal from its insertion to each moderator's
// step, at times the test chooses: holds lapse, the queue keeps its order, lags are kept.
#include "store/submission_repository.hpp"

#include <gtest/gtest.h>

#include "store/petition_repository.hpp"
#include "store/report_repository.hpp"
#include "store/supporter_repository.hpp"
#include "store/user_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t submission_t0 = 1'800'000'000;

class SubmissionRepository : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        mo_ = insert_user(*db_, "mo@example.org", accounts::Role::moderator, "x", false, 0)->id;
        max_ = insert_user(*db_, "max@example.org", accounts::Role::moderator, "x", false, 0)->id;
    }
    Submission propose(const std::string& title, std::int64_t now,
                       const std::string& slug = "ouvrir-la-piscine") {
        NewSubmission proposal;
        proposal.draft.slug = slug;
        proposal.draft.title = title;
        proposal.draft.body_markdown = "Texte.";
        proposal.draft.target_name = "Le maire";
        proposal.author_name = "Camille";
        proposal.author_email = "camille@example.org";
        proposal.author_mailbox = "camille@example.org";
        proposal.link_nonce = "nonce";
        proposal.checks = "[]";
        auto stored = insert_submission(*db_, proposal, now);
        EXPECT_TRUE(stored.ok()) << stored.error().detail;
        return *stored;
    }
    Result<Submission> step(std::int64_t id, ModerationStep step, std::int64_t user,
                            std::int64_t now, std::optional<std::int64_t> reason = {},
                            std::string note = {}) {
        return moderate(*db_, id, {step, user, reason, std::move(note)}, rules_, now);
    }
    ModerationRules rules_;
    std::int64_t mo_ = 0;
    std::int64_t max_ = 0;
};

TEST_F(SubmissionRepository, AProposalWaitsUnseenUntilItsAuthorConfirms) {
    const auto proposed = propose("Ouvrir la piscine", submission_t0);
    EXPECT_EQ(proposed.stage(), SubmissionStage::unconfirmed);
    EXPECT_EQ(proposed.petition.state, PetitionState::pending);
    EXPECT_TRUE(moderation_queue(*db_, submission_t0, 10).empty());
    EXPECT_TRUE(list_public_petitions(*db_).empty());
    EXPECT_EQ(step(proposed.petition.id, ModerationStep::approve, mo_, submission_t0).error().code,
              ModerationError::not_waiting);

    const auto confirmed = confirm_submission(*db_, proposed.petition.id, submission_t0 + 60);
    ASSERT_TRUE(confirmed.ok());
    EXPECT_EQ(confirmed->stage(), SubmissionStage::waiting);
    ASSERT_TRUE(
        confirm_submission(*db_, proposed.petition.id, submission_t0 + 120).ok());  // twice: once
    const auto queue = moderation_queue(*db_, submission_t0 + day, 10);
    ASSERT_EQ(queue.size(), 1u);
    EXPECT_EQ(queue[0].waiting_since, submission_t0 + 60);
    EXPECT_EQ(queue[0].waited, day - 60);
    EXPECT_EQ(count_waiting(*db_), 1);
}

TEST_F(SubmissionRepository, ATakenSlugGetsTheFirstFreeNumber) {
    EXPECT_EQ(propose("Un", submission_t0, "piscine").petition.slug, "piscine");
    EXPECT_EQ(propose("Deux", submission_t0, "piscine").petition.slug, "piscine-2");
    EXPECT_EQ(propose("Trois", submission_t0, "piscine").petition.slug, "piscine-3");
}

TEST_F(SubmissionRepository, AHoldStopsOthersUntilItLapses) {
    const auto id = propose("Ouvrir la piscine", submission_t0).petition.id;
    ASSERT_TRUE(confirm_submission(*db_, id, submission_t0).ok());
    ASSERT_TRUE(step(id, ModerationStep::hold, mo_, submission_t0).ok());
    const auto lapse = submission_t0 + rules_.hold_minutes * 60;
    EXPECT_EQ(step(id, ModerationStep::approve, max_, lapse - 1).error().code,
              ModerationError::held_by_other);
    EXPECT_EQ(step(id, ModerationStep::hold, max_, lapse - 1).error().code,
              ModerationError::held_by_other);
    ASSERT_EQ(moderation_queue(*db_, lapse - 1, 10)[0].held_by, "mo@example.org");
    EXPECT_FALSE(moderation_queue(*db_, lapse, 10)[0].hold);  // lapsed: the queue shows none
    const auto approved = step(id, ModerationStep::approve, max_, lapse);
    ASSERT_TRUE(approved.ok()) << approved.error().detail;
    EXPECT_EQ(approved->petition.state, PetitionState::published);
    EXPECT_EQ(approved->decided_by, "max@example.org");
    EXPECT_EQ(*approved->lag, lapse - submission_t0);
    EXPECT_FALSE(approved->hold);
    EXPECT_EQ(list_public_petitions(*db_).size(), 1u);
}

TEST_F(SubmissionRepository, TheQueueIsLongestWaitingFirstAndASentBackProposalKeepsItsTime) {
    const auto first = propose("Premier", submission_t0, "premier").petition.id;
    const auto second = propose("Second", submission_t0, "second").petition.id;
    ASSERT_TRUE(confirm_submission(*db_, first, submission_t0).ok());
    ASSERT_TRUE(confirm_submission(*db_, second, submission_t0 + 5 * day).ok());
    ASSERT_TRUE(
        step(first, ModerationStep::send_back, mo_, submission_t0 + 6 * day, {}, "Précisez").ok());
    // With its author for three days, then corrected: six days waited, not nine, not zero.
    PetitionDraft draft;
    draft.title = "Premier corrigé";
    draft.body_markdown = "Texte.";
    draft.target_name = "Le maire";
    const auto changes = edit_submission(*db_, first, draft, "[]", submission_t0 + 9 * day);
    ASSERT_TRUE(changes.ok());
    EXPECT_EQ(changes->size(), 1u);
    const auto queue = moderation_queue(*db_, submission_t0 + 10 * day, 10);
    ASSERT_EQ(queue.size(), 2u);
    EXPECT_EQ(queue[0].petition_id, first);
    EXPECT_EQ(queue[0].waited, 7 * day);
    EXPECT_EQ(queue[1].waited, 5 * day);
    EXPECT_EQ(standing_of(queue[0].waited, rules_), QueueStanding::on_time);
    EXPECT_EQ(standing_of(queue[0].waited + 3 * day, rules_), QueueStanding::nearly_overdue);
    EXPECT_EQ(standing_of(queue[0].waited + 7 * day, rules_), QueueStanding::overdue);
    const auto stored = find_submission(*db_, first);
    EXPECT_EQ(stored->petition.slug, "premier");  // its address was mailed: kept
    EXPECT_TRUE(stored->return_note == "Précisez");
}

TEST_F(SubmissionRepository, ARejectionNeedsAReasonOnTheListAndShowsOnlyItsPublicWords) {
    const auto id = propose("Diffamation", submission_t0).petition.id;
    ASSERT_TRUE(confirm_submission(*db_, id, submission_t0).ok());
    EXPECT_EQ(step(id, ModerationStep::reject, mo_, submission_t0).error().code,
              ModerationError::reason_required);
    EXPECT_EQ(step(id, ModerationStep::reject, mo_, submission_t0, 999).error().code,
              ModerationError::reason_unknown);
    std::int64_t libel = 0;
    for (const auto& reason : rejection_reasons(*db_, false))
        if (reason.code == "libel") libel = reason.id;
    ASSERT_NE(libel, 0);
    const auto rejected =
        step(id, ModerationStep::reject, mo_, submission_t0 + 3600, libel, "Non.");
    ASSERT_TRUE(rejected.ok());
    EXPECT_EQ(rejected->stage(), SubmissionStage::rejected);
    EXPECT_TRUE(rejected->reason_hidden);
    const auto listed = list_public_petitions(*db_);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].state, PetitionState::rejected);
    EXPECT_TRUE(listed[0].title.empty());
    EXPECT_TRUE(listed[0].body_markdown.empty());
    EXPECT_TRUE(listed[0].public_reason_code.empty());  // hidden
    EXPECT_EQ(lags_since(*db_, submission_t0), std::vector<std::int64_t>{3600});
    EXPECT_TRUE(lags_since(*db_, submission_t0 + 7200).empty());
    // A decided proposal is no longer its author's to edit.
    PetitionDraft draft;
    draft.title = "Autre";
    draft.body_markdown = "Texte.";
    EXPECT_EQ(edit_submission(*db_, id, draft, "[]", submission_t0 + 7200).error().code,
              ModerationError::not_waiting);
}

TEST_F(SubmissionRepository, ATakenDownProposalCarriesTheTakeDownsReason) {
    const auto id = propose("Publiée puis retirée", submission_t0).petition.id;
    ASSERT_TRUE(confirm_submission(*db_, id, submission_t0).ok());
    ASSERT_TRUE(step(id, ModerationStep::approve, mo_, submission_t0 + 60).ok());
    std::int64_t scope = 0;
    for (const auto& reason : rejection_reasons(*db_, false))
        if (reason.code == "not_our_scope") scope = reason.id;
    ASSERT_TRUE(take_down(*db_, id, mo_, scope, "", submission_t0 + 120).ok());
    const auto stored = find_submission(*db_, id);
    EXPECT_EQ(stored->stage(), SubmissionStage::removed);
    EXPECT_EQ(stored->reason_code, "not_our_scope");
}

TEST_F(SubmissionRepository, ANewLinkReplacesTheNonceAndMailboxesFindTheirProposals) {
    const auto id = propose("Un lien", submission_t0).petition.id;
    ASSERT_TRUE(replace_author_link(*db_, id, "other").ok());
    EXPECT_EQ(find_submission(*db_, id)->link_nonce, "other");
    EXPECT_EQ(submissions_of_mailbox(*db_, "camille@example.org").size(), 1u);
    EXPECT_TRUE(submissions_of_mailbox(*db_, "someone@example.org").empty());
}

}  // namespace
}  // namespace rempart::store

namespace rempart::store {
namespace {

TEST_F(SubmissionRepository, AdminsAddEditAndRetireTheirOwnReasons) {
    const auto site_count = rejection_reasons(*db_, false).size();
    const auto added = add_rejection_reason(*db_, {"Locale", "Une seule rue.", false});
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(rejection_reasons(*db_, false).size(), site_count + 1);

    const auto before = edit_rejection_reason(*db_, *added, {"Trop locale", "Une rue.", true});
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before->label, "Locale");
    const auto after = find_rejection_reason(*db_, *added);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->label, "Trop locale");
    EXPECT_TRUE(after->hidden);

    // The site's own reasons keep their words; unknown ones are said so.
    const auto duplicate = rejection_reasons(*db_, false).front();
    ASSERT_EQ(duplicate.code, "duplicate");
    EXPECT_EQ(edit_rejection_reason(*db_, duplicate.id, {"x", "y", false}).error().code,
              ModerationError::reason_of_the_site);
    EXPECT_EQ(edit_rejection_reason(*db_, 999, {"x", "y", false}).error().code,
              ModerationError::reason_unknown);
    EXPECT_EQ(retire_rejection_reason(*db_, 999, submission_t0).error().code,
              ModerationError::reason_unknown);

    // A retired reason is no longer offered and can no longer be given; past decisions and
    // their count keep it; it can be offered again.
    const auto first = propose("Ouvrir la piscine", submission_t0);
    ASSERT_TRUE(confirm_submission(*db_, first.petition.id, submission_t0 + 1).ok());
    ASSERT_TRUE(
        step(first.petition.id, ModerationStep::reject, mo_, submission_t0 + 2, *added).ok());
    ASSERT_TRUE(retire_rejection_reason(*db_, *added, submission_t0 + 3).ok());
    EXPECT_EQ(rejection_reasons(*db_, false).size(), site_count);
    EXPECT_EQ(rejection_reasons(*db_, true).size(), site_count + 1);
    EXPECT_EQ(rejection_reason_uses(*db_).at(*added), 1);
    EXPECT_EQ(find_submission(*db_, first.petition.id)->reason_text, "Une rue.");
    const auto second = propose("Fermer la rue", submission_t0 + 10, "fermer-la-rue");
    ASSERT_TRUE(confirm_submission(*db_, second.petition.id, submission_t0 + 11).ok());
    EXPECT_EQ(step(second.petition.id, ModerationStep::reject, mo_, submission_t0 + 12, *added)
                  .error()
                  .code,
              ModerationError::reason_unknown);
    ASSERT_TRUE(retire_rejection_reason(*db_, *added, std::nullopt).ok());
    EXPECT_TRUE(
        step(second.petition.id, ModerationStep::reject, mo_, submission_t0 + 13, *added).ok());
}

}  // namespace
}  // namespace rempart::store

namespace rempart::store {
namespace {

TEST_F(SubmissionRepository, SupportersConfirmedOneAMailboxPutTheProposalInTheQueue) {
    const auto proposed = propose("Ouvrir la piscine", submission_t0);
    const auto id = proposed.petition.id;
    // Not confirmed by its author: it gathers nothing yet.
    EXPECT_EQ(add_supporter(*db_, {id, "Ali", "ali@example.org", "h1"}, submission_t0).error().code,
              PetitionError::not_found);
    const auto confirmed = confirm_submission(*db_, id, submission_t0 + 60, 2);
    ASSERT_TRUE(confirmed.ok());
    EXPECT_EQ(confirmed->stage(), SubmissionStage::gathering);
    EXPECT_EQ(count_waiting(*db_), 0);
    PetitionDraft draft;
    draft.slug = proposed.petition.slug;
    draft.title = "Ouvrir la piscine le dimanche";
    draft.body_markdown = "Texte.";
    draft.target_name = "Le maire";
    EXPECT_EQ(edit_submission(*db_, id, draft, "[]", submission_t0 + 61).error().code,
              ModerationError::not_waiting);

    EXPECT_TRUE(*add_supporter(*db_, {id, "Ali", "ali@example.org", "h1"}, submission_t0 + 100));
    EXPECT_FALSE(*add_supporter(*db_, {id, "Ali B", "ali@example.org", "h2"}, submission_t0 + 101));
    EXPECT_TRUE(*add_supporter(*db_, {id, "Bea", "bea@example.org", "h3"}, submission_t0 + 102));
    EXPECT_EQ(confirm_support(*db_, "h2", submission_t0 + 103).error().code,
              PetitionError::not_found);

    auto first = confirm_support(*db_, "h1", submission_t0 + 200);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->supporters, 1);
    EXPECT_EQ(first->needed, 2);
    EXPECT_FALSE(first->entered_queue);
    EXPECT_FALSE(confirm_support(*db_, "h1", submission_t0 + 201)->entered_queue);  // twice: once
    EXPECT_EQ(find_submission(*db_, id)->supporters, 1);

    const auto last = confirm_support(*db_, "h3", submission_t0 + 300);
    ASSERT_TRUE(last.ok());
    EXPECT_TRUE(last->entered_queue);
    const auto waiting = find_submission(*db_, id);
    EXPECT_EQ(waiting->stage(), SubmissionStage::waiting);
    EXPECT_EQ(waiting->waiting_since, submission_t0 + 300);
    EXPECT_EQ(count_waiting(*db_), 1);
    // Counted: the supporters' names and addresses are erased, their count stays.
    auto& kept = db_->prepare(
        "SELECT COUNT(*) FROM proposal_supporters WHERE name != '' OR mailbox LIKE '%@%'");
    ASSERT_TRUE(kept.step());
    EXPECT_EQ(kept.column_int(0), 0);
    kept.reset();
    EXPECT_EQ(find_submission(*db_, id)->supporters, 2);
    // In the queue now: no more supporters.
    EXPECT_EQ(add_supporter(*db_, {id, "Chloé", "chloe@example.org", "h4"}, submission_t0 + 400)
                  .error()
                  .code,
              PetitionError::not_found);
}

}  // namespace
}  // namespace rempart::store
