// Tests for a petition's steps and for the changes an edit records.
#include "petitions/lifecycle.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"

namespace rempart {
namespace {

TEST(PetitionSteps, FollowDraftPublishedClosedArchived) {
    using S = PetitionState;
    EXPECT_EQ(next_state(S::draft, PetitionStep::publish).value(), S::published);
    EXPECT_EQ(next_state(S::published, PetitionStep::close).value(), S::closed);
    EXPECT_EQ(next_state(S::closed, PetitionStep::archive).value(), S::archived);
    EXPECT_EQ(next_state(S::draft, PetitionStep::archive).value(), S::archived);
}

TEST(PetitionSteps, AStepTakenTwiceOrOutOfOrderIsAConflict) {
    using S = PetitionState;
    const std::pair<S, PetitionStep> refused[] = {
        {S::published, PetitionStep::publish}, {S::closed, PetitionStep::publish},
        {S::archived, PetitionStep::publish},  {S::draft, PetitionStep::close},
        {S::closed, PetitionStep::close},      {S::archived, PetitionStep::close},
        {S::published, PetitionStep::archive}, {S::archived, PetitionStep::archive},
    };
    for (const auto& [from, step] : refused) {
        const auto next = next_state(from, step);
        ASSERT_FALSE(next) << to_string(from) << " " << to_string(step);
        EXPECT_EQ(next.error().code, PetitionError::state_conflict);
    }
}

TEST(PetitionSteps, NamesRoundTrip) {
    for (const auto step : {PetitionStep::publish, PetitionStep::close, PetitionStep::archive})
        EXPECT_EQ(parse_petition_step(to_string(step)), step);
    EXPECT_FALSE(parse_petition_step("delete"));
    for (const auto state : {PetitionState::draft, PetitionState::published, PetitionState::closed,
                             PetitionState::archived})
        EXPECT_EQ(parse_petition_state(to_string(state)), state);
}

TEST(PetitionSteps, OnlyAPublishedPetitionBeforeItsEndCollectsSignatures) {
    Petition petition;
    petition.state = PetitionState::published;
    EXPECT_TRUE(collects_signatures(petition, 1000));
    petition.ends_at = 1000;
    EXPECT_TRUE(collects_signatures(petition, 999));
    EXPECT_FALSE(collects_signatures(petition, 1000));
    petition.ends_at.reset();
    for (const auto state :
         {PetitionState::draft, PetitionState::closed, PetitionState::archived}) {
        petition.state = state;
        EXPECT_FALSE(collects_signatures(petition, 1000));
    }
}

TEST(PublicName, AFirstNameAndAnInitialAndNoMore) {
    EXPECT_EQ(public_short_name("Camille Martin"), "Camille M.");
    EXPECT_EQ(public_short_name("  Jean-Pierre   de la Tour "), "Jean-Pierre T.");
    EXPECT_EQ(public_short_name("Camille"), "Camille");
    EXPECT_EQ(public_short_name("Zoé Élise"), "Zoé É.");
    EXPECT_EQ(public_short_name("李 小龍"), "李 小.");
    EXPECT_EQ(public_short_name(""), "");
    EXPECT_EQ(public_short_name("   "), "");
}

TEST(PetitionChanges, ListOnlyWhatChangedAsTheFormWritesIt) {
    Petition before;
    before.slug = "velo";
    before.title = "Vélo";
    before.body_markdown = "Texte";
    before.goal = 1000;
    PetitionDraft after;
    after.slug = "velo";
    after.title = "Vélo";
    after.body_markdown = "Texte corrigé";
    after.goal = 2000;
    after.ends_at = parse_end_date("2027-01-31");
    const auto changes = changes_between(before, after);
    ASSERT_EQ(changes.size(), 3u);
    EXPECT_EQ(changes[0].field, "text");
    EXPECT_EQ(changes[0].after, "Texte corrigé");
    EXPECT_EQ(changes[1].field, "goal");
    EXPECT_EQ(changes[1].before, "1000");
    EXPECT_EQ(changes[1].after, "2000");
    EXPECT_EQ(changes[2].field, "ends_on");
    EXPECT_EQ(changes[2].before, "");
    EXPECT_EQ(changes[2].after, "2027-01-31");

    after.body_markdown = "Texte";
    after.goal = 1000;
    after.ends_at.reset();
    EXPECT_TRUE(changes_between(before, after).empty());
}

}  // namespace
}  // namespace rempart
