// Tests for check_draft and the helpers of the back office's form: every error at once,
// the rules of an edit, slugs proposed from titles, end dates.
#include <gtest/gtest.h>

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"

namespace rempart {
namespace {

constexpr std::int64_t now = 1'796'515'200;  // 2026-12-06 00:00 UTC

PetitionDraft good_draft() {
    PetitionDraft draft;
    draft.slug = "velo-a-lyon";
    draft.title = "Des pistes cyclables à Lyon";
    draft.body_markdown = "Nous demandons **des pistes**.";
    return draft;
}

std::vector<std::string> fields_of(const DraftCheck& check) {
    std::vector<std::string> fields;
    for (const auto& error : check.errors) fields.push_back(error.field);
    return fields;
}

TEST(DraftCheck, AGoodDraftHasNoError) {
    auto draft = good_draft();
    draft.target_name = "  Grégory Doucet ";
    draft.target_function = "Maire de Lyon";
    draft.target_email = " Maire@LYON.example ";
    draft.ends_at = parse_end_date("2027-01-31");
    const auto check = check_draft(draft, {now});
    EXPECT_TRUE(check.errors.empty());
    EXPECT_EQ(check.draft.target_name, "Grégory Doucet");
    EXPECT_EQ(check.draft.target_email, "Maire@lyon.example");
}

TEST(DraftCheck, EveryWrongFieldIsNamedAtOnceInTheFormsOrder) {
    PetitionDraft draft;
    draft.slug = "Bad Slug";
    draft.title = "  ";
    draft.body_markdown = "\n";
    draft.goal = 0;
    draft.target_name = std::string(201, 'a');
    draft.target_email = "pas une adresse";
    draft.ends_at = parse_end_date("2026-12-05");
    draft.language = "de";
    const auto check = check_draft(draft, {now});
    EXPECT_EQ(fields_of(check),
              (std::vector<std::string>{"slug", "title", "text", "goal", "target_name",
                                        "target_email", "ends_on", "language"}));
    EXPECT_EQ(check.errors[6].code, PetitionError::end_date_past);
    EXPECT_EQ(check.errors[5].code, PetitionError::target_email_invalid);
}

TEST(DraftCheck, AGoalBelowTheCountIsRefusedUnlessItWasAlreadyThere) {
    auto draft = good_draft();
    draft.goal = 99;
    DraftRules rules{now, 150, {}, {}};
    auto check = check_draft(draft, rules);
    ASSERT_EQ(check.errors.size(), 1u);
    EXPECT_EQ(check.errors[0].code, PetitionError::goal_below_count);
    // A petition past its goal keeps its goal when its text is corrected.
    rules.kept_goal = 99;
    EXPECT_TRUE(check_draft(draft, rules).errors.empty());
    draft.goal = 150;
    EXPECT_TRUE(check_draft(draft, {now, 150, {}, {}}).errors.empty());
}

TEST(DraftCheck, AnEndDatePassedIsKeptWhenUnchanged) {
    auto draft = good_draft();
    draft.ends_at = parse_end_date("2026-12-05");  // ended at midnight
    EXPECT_EQ(check_draft(draft, {now}).errors.size(), 1u);
    EXPECT_TRUE(check_draft(draft, {now, 0, draft.ends_at, {}}).errors.empty());
    draft.ends_at = parse_end_date("2026-12-06");  // today still counts
    EXPECT_TRUE(check_draft(draft, {now}).errors.empty());
}

TEST(DraftCheck, TheCommandLineGetsTheFirstError) {
    auto draft = good_draft();
    draft.title = "";
    draft.goal = -1;
    const auto result = validate_draft(draft);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, PetitionError::title_invalid);
}

TEST(ProposeSlug, FoldsAccentsAndJoinsWords) {
    EXPECT_EQ(propose_slug("Sauvons le vélo à Lyon !"), "sauvons-le-velo-a-lyon");
    EXPECT_EQ(propose_slug("  Noël   sans Amazon  "), "noel-sans-amazon");
    EXPECT_EQ(propose_slug("L'école d'à côté"), "l-ecole-d-a-cote");
    EXPECT_EQ(propose_slug("!!!"), "");
    EXPECT_EQ(propose_slug(""), "");
}

TEST(ProposeSlug, CutsALongTitleAtAWord) {
    std::string title;
    for (int i = 0; i < 30; ++i) title += "pistes ";
    const auto slug = propose_slug(title);
    EXPECT_LE(slug.size(), 80u);
    EXPECT_FALSE(slug.ends_with("-"));
    EXPECT_TRUE(slug.ends_with("pistes"));
    EXPECT_TRUE(validate_draft([&] {
                    auto draft = good_draft();
                    draft.slug = slug;
                    return draft;
                }())
                    .ok());
}

TEST(EndDate, ParsesADayAsTheEndOfThatDayUtc) {
    EXPECT_EQ(parse_end_date("1970-01-01"), 86400);
    EXPECT_EQ(parse_end_date("2026-12-05"), now);
    EXPECT_EQ(parse_end_date("2028-02-29"), parse_end_date("2028-03-01").value() - 86400);
    for (const char* bad :
         {"", "2027-02-29", "2027-13-01", "2027-00-10", "2027-01-32", "27-01-31", "2027/01/31",
          "2027-1-31", "31/01/2027", "2027-01-31x", "1969-12-31", "+027-01-31"})
        EXPECT_FALSE(parse_end_date(bad)) << bad;
}

TEST(EndDate, WritesTheDayBack) {
    for (const char* day : {"2027-01-31", "2028-02-29", "2026-12-31", "1970-01-01"})
        EXPECT_EQ(end_date_text(*parse_end_date(day)), day);
}

}  // namespace
}  // namespace rempart
