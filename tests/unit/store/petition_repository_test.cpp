// Tests for petitions in the store: drafts, edits and their history, steps, end dates,
// preview keys, the back office's list, and the migration that brought them.
#include "store/petition_repository.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"
#include "store/campaign_repository.hpp"
#include "store/migrations.hpp"
#include "store/milestone_repository.hpp"
#include "store/signature_repository.hpp"
#include "store/user_repository.hpp"
#include "store_fixture.hpp"

namespace rempart::store {
namespace {

PetitionDraft new_draft(std::string slug) {
    PetitionDraft d;
    d.slug = std::move(slug);
    d.title = "Titre";
    d.body_markdown = "Texte";
    return d;
}

class PetitionStore : public testing::TempStore {
  protected:
    signatures::NewSignature signer(std::int64_t petition, const std::string& email,
                                    std::int64_t now) const {
        return testing::sample_signature(petition, email, now);
    }
};

// A store left empty, for the migration's own test to take through the schemas.
class PetitionStoreBeforeBackOffice : public PetitionStore {
  protected:
    void SetUp() override { open(false); }
};

TEST_F(PetitionStore, ADraftIsKeptOutOfThePublicList) {
    auto made = insert_petition(*db_, new_draft("brouillon"), 10, PetitionState::draft);
    ASSERT_TRUE(made.ok()) << made.error().detail;
    EXPECT_EQ(made->state, PetitionState::draft);
    ASSERT_TRUE(insert_petition(*db_, new_draft("en-ligne"), 11).ok());
    EXPECT_EQ(list_petitions(*db_).size(), 2u);
    const auto visible = list_public_petitions(*db_);
    ASSERT_EQ(visible.size(), 1u);
    EXPECT_EQ(visible[0].slug, "en-ligne");
}

TEST_F(PetitionStore, EveryFieldIsStoredAndReadBack) {
    auto d = new_draft("velo");
    d.goal = 500;
    d.target_name = "Grégory Doucet";
    d.target_function = "Maire de Lyon";
    d.target_email = "maire@lyon.example";
    d.ends_at = parse_end_date("2027-01-31");
    d.language = "en";
    d.postcode_required = true;
    const auto id = insert_petition(*db_, d, 10, PetitionState::draft)->id;
    const auto read = find_petition_by_id(*db_, id);
    ASSERT_TRUE(read);
    EXPECT_EQ(read->target_name, "Grégory Doucet");
    EXPECT_EQ(read->target_function, "Maire de Lyon");
    EXPECT_EQ(read->target_email, "maire@lyon.example");
    EXPECT_EQ(read->ends_at, d.ends_at);
    EXPECT_EQ(read->language, "en");
    EXPECT_TRUE(read->postcode_required);
    EXPECT_EQ(read->goal, 500);
    EXPECT_EQ(read->edited_at, 0);
    EXPECT_TRUE(changes_between(*read, d).empty());
}

TEST_F(PetitionStore, EditsAreKeptFieldByFieldAndPublicOnlyAfterPublication) {
    const auto id = insert_petition(*db_, new_draft("velo"), 10, PetitionState::draft)->id;
    const ChangeAuthor ana{std::nullopt, "ana@example.org"};
    auto d = new_draft("velo-lyon");
    d.title = "Vélo à Lyon";
    auto changes = update_petition(*db_, id, d, ana, 20);
    ASSERT_TRUE(changes.ok()) << changes.error().detail;
    EXPECT_EQ(changes->size(), 2u);                          // slug and title
    EXPECT_EQ(find_petition_by_id(*db_, id)->edited_at, 0);  // a draft is not "updated"

    // Saving the same again writes nothing.
    EXPECT_TRUE(update_petition(*db_, id, d, ana, 25)->empty());

    ASSERT_TRUE(take_petition_step(*db_, id, PetitionStep::publish, 30).ok());
    d.body_markdown = "Texte corrigé";
    ASSERT_EQ(update_petition(*db_, id, d, ana, 40)->size(), 1u);
    EXPECT_EQ(find_petition_by_id(*db_, id)->edited_at, 40);

    const auto all = petition_history(*db_, id, false);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].actor, "ana@example.org");
    EXPECT_FALSE(all[0].is_public);
    const auto shown = petition_history(*db_, id, true);
    ASSERT_EQ(shown.size(), 1u);
    EXPECT_EQ(shown[0].change.field, "text");
    EXPECT_EQ(shown[0].change.before, "Texte");
    EXPECT_EQ(shown[0].change.after, "Texte corrigé");
    EXPECT_EQ(shown[0].at, 40);
}

TEST_F(PetitionStore, APublishedSlugStaysAndATakenSlugIsRefused) {
    const auto id = insert_petition(*db_, new_draft("velo"), 10)->id;
    ASSERT_TRUE(insert_petition(*db_, new_draft("autre"), 10, PetitionState::draft).ok());
    const auto locked = update_petition(*db_, id, new_draft("nouveau"), {}, 20);
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, PetitionError::slug_locked);
    const auto other = find_petition(*db_, "autre")->id;
    const auto taken = update_petition(*db_, other, new_draft("velo"), {}, 20);
    ASSERT_FALSE(taken);
    EXPECT_EQ(taken.error().code, PetitionError::slug_taken);
    EXPECT_TRUE(petition_history(*db_, other, false).empty());
    const auto missing = update_petition(*db_, 999, new_draft("x-y-z"), {}, 20);
    EXPECT_EQ(missing.error().code, PetitionError::not_found);
}

TEST_F(PetitionStore, StepsMoveOnceAndRefuseTheSecondTime) {
    const auto id = insert_petition(*db_, new_draft("velo"), 10, PetitionState::draft)->id;
    ASSERT_TRUE(set_preview_key(*db_, id, "k1").ok());
    EXPECT_TRUE(find_petition_by_preview_key(*db_, "k1"));
    EXPECT_EQ(take_petition_step(*db_, id, PetitionStep::publish, 20)->state,
              PetitionState::published);
    // Published: the preview link is gone, and a second publish changes nothing.
    EXPECT_FALSE(find_petition_by_preview_key(*db_, "k1"));
    EXPECT_EQ(set_preview_key(*db_, id, "k2").error().code, PetitionError::state_conflict);
    EXPECT_EQ(take_petition_step(*db_, id, PetitionStep::publish, 21).error().code,
              PetitionError::state_conflict);
    EXPECT_EQ(take_petition_step(*db_, id, PetitionStep::close, 30)->state, PetitionState::closed);
    EXPECT_EQ(take_petition_step(*db_, id, PetitionStep::archive, 40)->state,
              PetitionState::archived);
    EXPECT_EQ(find_petition_by_id(*db_, id)->state, PetitionState::archived);
    EXPECT_EQ(take_petition_step(*db_, 999, PetitionStep::close, 50).error().code,
              PetitionError::not_found);
}

TEST_F(PetitionStore, PetitionsPastTheirEndCloseAndNoOtherDoes) {
    auto ending = new_draft("finie");
    ending.ends_at = 1000;
    auto later = new_draft("plus-tard");
    later.ends_at = 5000;
    auto unpublished = new_draft("brouillon");
    unpublished.ends_at = 1000;
    ASSERT_TRUE(insert_petition(*db_, ending, 10).ok());
    ASSERT_TRUE(insert_petition(*db_, later, 10).ok());
    ASSERT_TRUE(insert_petition(*db_, new_draft("sans-fin"), 10).ok());
    ASSERT_TRUE(insert_petition(*db_, unpublished, 10, PetitionState::draft).ok());
    EXPECT_TRUE(close_ended_petitions(*db_, 999).empty());
    EXPECT_EQ(close_ended_petitions(*db_, 1000), std::vector<std::string>{"finie"});
    EXPECT_TRUE(close_ended_petitions(*db_, 1001).empty());
    EXPECT_EQ(find_petition(*db_, "finie")->state, PetitionState::closed);
    EXPECT_EQ(find_petition(*db_, "plus-tard")->state, PetitionState::published);
    EXPECT_EQ(find_petition(*db_, "brouillon")->state, PetitionState::draft);
}

TEST_F(PetitionStore, TheOverviewCountsPendingSignaturesAndTheLastActivity) {
    const auto id = insert_petition(*db_, new_draft("velo"), 10)->id;
    const auto quiet = insert_petition(*db_, new_draft("calme"), 20)->id;
    ASSERT_TRUE(record_signature(*db_, signer(id, "a@example.org", 100), "h1", 9000, 60).ok());
    ASSERT_TRUE(record_signature(*db_, signer(id, "b@example.org", 300), "h2", 9000, 60).ok());
    const auto rows = petition_overviews(*db_);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].petition.id, quiet);
    EXPECT_EQ(rows[0].pending, 0);
    EXPECT_EQ(rows[0].last_activity, 20);
    EXPECT_EQ(rows[1].pending, 2);
    EXPECT_EQ(rows[1].last_activity, 300);
}

TEST_F(PetitionStore, CampaignFiguresBucketSignaturesByHourAndDayAndState) {
    const auto id = insert_petition(*db_, new_draft("velo"), 10)->id;
    const std::int64_t now = 1'796'515'200 + 5 * 3600 + 60;  // 2026-12-06 05:01 UTC
    const std::int64_t times[] = {now - 4 * 86400, now - 3600, now - 3500, now};
    int n = 0;
    for (const auto at : times) {
        auto s = signer(id, "s" + std::to_string(n) + "@example.org", at);
        s.region = "69";
        ASSERT_TRUE(record_signature(*db_, s, "h" + std::to_string(n++), at + 9000, 60).ok());
    }
    ASSERT_TRUE(db_->exec("UPDATE signatures SET state = 'confirmed' WHERE email IN "
                          "('s0@example.org', 's1@example.org')")
                    .ok());
    ASSERT_TRUE(
        db_->exec("UPDATE signatures SET state = 'quarantined' WHERE email = 's2@example.org'")
            .ok());
    const auto figures = campaign_figures(*db_, id, now);
    EXPECT_EQ(figures.by_state, (std::array<std::int64_t, 5>{1, 2, 1, 0, 0}));
    ASSERT_EQ(figures.hours.size(), 2u);  // 04:00 and 05:00; four days ago is out of range
    EXPECT_EQ(figures.hours[0].start, now - 3600 - 60);
    EXPECT_EQ(figures.hours[0].confirmed, 1);
    EXPECT_EQ(figures.hours[0].other, 1);
    EXPECT_EQ(figures.hours[1].waiting, 1);
    ASSERT_EQ(figures.days.size(), 2u);
    EXPECT_EQ(figures.days[0].confirmed, 1);
    EXPECT_EQ(figures.days[1].confirmed + figures.days[1].waiting + figures.days[1].other, 3);
    EXPECT_TRUE(figures.incidents.empty());
}

TEST_F(PetitionStore, AGoalReachedIsRecordedOnceAndARaisedGoalAgain) {
    auto d = new_draft("velo");
    d.goal = 1;
    const auto id = insert_petition(*db_, d, 10)->id;
    auto quiet = new_draft("calme");
    quiet.goal = 5;
    const auto other = insert_petition(*db_, quiet, 10)->id;
    ASSERT_TRUE(record_signature(*db_, signer(id, "a@example.org", 20), "h1", 9000, 60).ok());
    ASSERT_TRUE(record_signature(*db_, signer(other, "a@example.org", 20), "h2", 9000, 60).ok());
    EXPECT_TRUE(record_goals_reached(*db_, 30).empty());  // pending signatures do not count
    ASSERT_TRUE(db_->exec("UPDATE signatures SET state = 'confirmed'").ok());
    const auto reached = record_goals_reached(*db_, 40);
    ASSERT_EQ(reached.size(), 1u);
    EXPECT_EQ(reached[0].slug, "velo");
    EXPECT_EQ(reached[0].goal, 1);
    EXPECT_EQ(reached[0].count, 1);
    EXPECT_TRUE(record_goals_reached(*db_, 50).empty());
    ASSERT_TRUE(db_->exec("UPDATE petitions SET goal = 2 WHERE id = " + std::to_string(id)).ok());
    ASSERT_TRUE(record_signature(*db_, signer(id, "b@example.org", 60), "h3", 9000, 60).ok());
    ASSERT_TRUE(db_->exec("UPDATE signatures SET state = 'confirmed'").ok());
    EXPECT_EQ(record_goals_reached(*db_, 70).size(), 1u);
    EXPECT_TRUE(record_goals_reached(*db_, 80).empty());
    EXPECT_TRUE(
        insert_user(*db_, "olga@example.org", accounts::Role::organiser, "h", true, 1).ok());
    EXPECT_TRUE(insert_user(*db_, "mod@example.org", accounts::Role::moderator, "h", true, 1).ok());
    EXPECT_EQ(organiser_addresses(*db_), std::vector<std::string>{"olga@example.org"});
}

// A store written before the back office (schema 12) keeps its petitions, signatures and
// accounts, and the references between them.
TEST_F(PetitionStoreBeforeBackOffice, TheMigrationRebuildsTablesAndLosesNothing) {
    const auto all = embedded_migrations();
    std::vector<Migration> before_13;
    for (const auto& m : all)
        if (m.number < 13) before_13.push_back(m);
    ASSERT_EQ(migrate(*db_, before_13).value(), 12);
    ASSERT_TRUE(db_->exec("INSERT INTO petitions (slug, title, summary, body_markdown, goal, "
                          "state, created_at, updated_at) VALUES ('ancienne', 'T', '', 'x', 10, "
                          "'closed', 5, 6)")
                    .ok());
    const std::int64_t petition_id = db_->last_insert_id();
    ASSERT_TRUE(db_->exec("INSERT INTO users (email, role, password_hash, created_ms) VALUES "
                          "('ana@example.org', 'admin', 'h', 1)")
                    .ok());
    // A signature as schema 12 wrote it (today's code writes columns it did not have).
    ASSERT_TRUE(
        db_->exec("INSERT INTO signatures (petition_id, state, name, name_normalised, "
                  "email, email_canonical, email_domain, language, terms_version, "
                  "privacy_version, accepted_at, ip, created_at, public_name, last_mail_at) "
                  "VALUES (" +
                  std::to_string(petition_id) +
                  ", 'pending', 'M', 'm', 'a@example.org', 'a@example.org', "
                  "'example.org', 'fr', 't', 'p', 7, '192.0.2.1', 7, 0, 7)")
            .ok());

    ASSERT_EQ(migrate(*db_).value(), static_cast<int>(all.back().number));
    const auto after = find_petition(*db_, "ancienne");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->id, petition_id);
    EXPECT_EQ(after->state, PetitionState::closed);
    EXPECT_EQ(after->goal, 10);
    EXPECT_EQ(after->language, "fr");
    EXPECT_EQ(count_signatures(*db_, after->id, signatures::SignatureState::pending), 1);
    EXPECT_EQ(list_users(*db_).at(0).role, accounts::Role::admin);
    // Foreign keys are on again: a signature for no petition is refused.
    auto orphan = signer(12345, "b@example.org", 8);
    EXPECT_FALSE(record_signature(*db_, orphan, "h2", 99, 60).ok());
    // An organiser may now be stored.
    EXPECT_TRUE(
        insert_user(*db_, "olga@example.org", accounts::Role::organiser, "h", true, 2).ok());
}

}  // namespace
}  // namespace rempart::store
