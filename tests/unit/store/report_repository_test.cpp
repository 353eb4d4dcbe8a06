// Tests for store/report_repository: reports only on what visitors see, the reported list
// oldest first, dismissing, and taking down with its reason.
#include "store/report_repository.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"
#include "petitions/moderation.hpp"
#include "store/petition_repository.hpp"
#include "store/submission_repository.hpp"
#include "store/user_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

constexpr std::int64_t report_t0 = 1'800'000'000;

class ReportStore : public testing::TempStore {
  protected:
    void SetUp() override {
        TempStore::SetUp();
        mo_ = insert_user(*db_, "mo@example.org", accounts::Role::moderator, "x", false, 0)->id;
    }
    std::int64_t mo_ = 0;
    std::int64_t petition(const std::string& slug, PetitionState state) {
        PetitionDraft draft;
        draft.slug = slug;
        draft.title = "Pétition " + slug;
        draft.body_markdown = "Texte.";
        return insert_petition(*db_, draft, report_t0, state)->id;
    }
    std::int64_t reason(const std::string& code) {
        for (const auto& known : rejection_reasons(*db_, false))
            if (known.code == code) return known.id;
        return 0;
    }
};

TEST_F(ReportStore, OnlyAPetitionVisitorsSeeCanBeReported) {
    const auto draft = petition("brouillon", PetitionState::draft);
    const auto pending = petition("attente", PetitionState::pending);
    EXPECT_EQ(insert_report(*db_, draft, "x", "net:a", report_t0).error().code,
              PetitionError::not_found);
    EXPECT_EQ(insert_report(*db_, pending, "x", "net:a", report_t0).error().code,
              PetitionError::not_found);
    EXPECT_TRUE(reported_petitions(*db_, 10).empty());
}

TEST_F(ReportStore, TheReportedListIsOldestFirstWithItsNetworks) {
    const auto first = petition("premiere", PetitionState::published);
    const auto second = petition("seconde", PetitionState::closed);
    ASSERT_TRUE(insert_report(*db_, second, "tard", "net:b", report_t0 + 100).ok());
    ASSERT_TRUE(insert_report(*db_, first, "un", "net:a", report_t0 + 200).ok());
    ASSERT_TRUE(insert_report(*db_, second, "encore", "net:b", report_t0 + 300).ok());
    ASSERT_TRUE(insert_report(*db_, second, "autre", "net:c", report_t0 + 400).ok());
    const auto listed = reported_petitions(*db_, 10);
    ASSERT_EQ(listed.size(), 2u);
    EXPECT_EQ(listed[0].petition_id, second);
    EXPECT_EQ(listed[0].open_reports, 3);
    EXPECT_EQ(listed[0].networks, 2);
    EXPECT_EQ(listed[0].first_at, report_t0 + 100);
    ASSERT_EQ(listed[0].latest.size(), 3u);
    EXPECT_EQ(listed[0].latest[0].reason, "autre");
    EXPECT_EQ(*dismiss_reports(*db_, second, mo_, report_t0 + 500), 3);
    EXPECT_EQ(*dismiss_reports(*db_, second, mo_, report_t0 + 500), 0);
    EXPECT_EQ(reported_petitions(*db_, 10).size(), 1u);
    EXPECT_FALSE(reports_of(*db_, second));
}

TEST_F(ReportStore, ATakeDownNeedsALivePetitionAndAReasonOnTheList) {
    const auto live = petition("vivante", PetitionState::published);
    const auto draft = petition("brouillon", PetitionState::draft);
    ASSERT_TRUE(insert_report(*db_, live, "pub", "net:a", report_t0).ok());
    EXPECT_EQ(take_down(*db_, live, mo_, 999, "", report_t0).error().code,
              ModerationError::reason_unknown);
    EXPECT_EQ(take_down(*db_, draft, mo_, reason("abuse"), "", report_t0).error().code,
              PetitionError::state_conflict);
    const auto done =
        take_down(*db_, live, mo_, reason("advertising"), "Publicité", report_t0 + 10);
    ASSERT_TRUE(done.ok()) << done.error().detail;
    EXPECT_EQ(done->reports_handled, 1);
    EXPECT_EQ(done->reason_code, "advertising");
    EXPECT_TRUE(done->author_email.empty());  // made in the back office: no author to tell
    EXPECT_EQ(find_petition_by_id(*db_, live)->state, PetitionState::removed);
    EXPECT_EQ(take_down(*db_, live, mo_, reason("abuse"), "", report_t0 + 20).error().code,
              PetitionError::state_conflict);
    // Listed by its state alone; advertising is a hidden reason.
    const auto listed = list_public_petitions(*db_);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].state, PetitionState::removed);
    EXPECT_TRUE(listed[0].public_reason_code.empty());
    EXPECT_EQ(listed[0].signature_count, 0);
}

}  // namespace
}  // namespace rempart::store
