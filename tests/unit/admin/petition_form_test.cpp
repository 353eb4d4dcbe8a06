// Tests for the back office's petition form: what is read, what is proposed, what is refused.
#include "admin/petition_form.hpp"

#include <gtest/gtest.h>

#include "petitions/errors.hpp"

namespace rempart::admin {
namespace {

constexpr std::int64_t now = 1'796'515'200;  // 2026-12-06 00:00 UTC

PetitionInput typed() {
    return read_petition_input({{"csrf", "x"},
                                {"title", "Sauvons le vélo à Lyon"},
                                {"slug", ""},
                                {"summary", "Des pistes."},
                                {"text", "Nous **demandons**."},
                                {"goal", " 5000 "},
                                {"ends_on", "2027-01-31"},
                                {"postcode_required", "1"},
                                {"language", "fr"},
                                {"action", "save"}});
}

TEST(PetitionForm, AnEmptySlugIsProposedFromTheTitle) {
    const auto check = check_petition_input(typed(), {now});
    ASSERT_TRUE(check.errors.empty());
    EXPECT_EQ(check.draft.slug, "sauvons-le-velo-a-lyon");
    EXPECT_EQ(check.draft.goal, 5000);
    EXPECT_EQ(check.draft.ends_at, parse_end_date("2027-01-31"));
    EXPECT_TRUE(check.draft.postcode_required);
    EXPECT_EQ(check.draft.language, "fr");
}

TEST(PetitionForm, ATypedSlugIsLowercasedAndKept) {
    auto input = typed();
    input.slug = " Velo-Lyon ";
    EXPECT_EQ(check_petition_input(input, {now}).draft.slug, "velo-lyon");
}

TEST(PetitionForm, WordsWhereNumbersAndDatesGoAreRefusedBesideTheirField) {
    auto input = typed();
    input.goal = "cinq mille";
    input.ends_on = "31/01/2027";
    const auto check = check_petition_input(input, {now});
    ASSERT_EQ(check.errors.size(), 2u);
    EXPECT_EQ(check.errors[0].field, "goal");
    EXPECT_EQ(check.errors[0].code, PetitionError::goal_invalid);
    EXPECT_EQ(check.errors[1].field, "ends_on");
    EXPECT_EQ(check.errors[1].code, PetitionError::end_date_invalid);
}

TEST(PetitionForm, APublishedPetitionKeepsItsSlug) {
    auto input = typed();
    input.slug = "";
    auto check = check_petition_input(input, {now}, "velo");
    EXPECT_TRUE(check.errors.empty());
    EXPECT_EQ(check.draft.slug, "velo");
    input.slug = "velo";
    EXPECT_TRUE(check_petition_input(input, {now}, "velo").errors.empty());
    input.slug = "autre";
    check = check_petition_input(input, {now}, "velo");
    ASSERT_EQ(check.errors.size(), 1u);
    EXPECT_EQ(check.errors[0].code, PetitionError::slug_locked);
}

TEST(PetitionForm, AStoredPetitionFillsTheFormBack) {
    Petition petition;
    petition.slug = "velo";
    petition.title = "Vélo";
    petition.body_markdown = "Texte";
    petition.goal = 10;
    petition.ends_at = parse_end_date("2027-01-31");
    petition.language = "en";
    const auto input = input_of(petition);
    EXPECT_EQ(input.goal, "10");
    EXPECT_EQ(input.ends_on, "2027-01-31");
    EXPECT_EQ(input.language, "en");
    EXPECT_TRUE(check_petition_input(input, {now, 0, petition.ends_at, petition.goal}, "velo")
                    .errors.empty());
}

}  // namespace
}  // namespace rempart::admin
