// Tests for petitions/validate: each rule checked at its bound and one step past.
#include "petitions/validate.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

PetitionDraft good() { return PetitionDraft{"velo-ecole", "Titre", "Résumé", "Texte.", 100}; }

std::string code_of(const PetitionDraft& draft) {
    const auto result = validate_draft(draft);
    return result ? std::string() : result.error().code;
}

TEST(PetitionDraft, AGoodDraftPassesCleaned) {
    auto draft = good();
    draft.title = "  Des pistes\xE2\x80\x8B cyclables \n";
    const auto result = validate_draft(draft);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->title, "Des pistes cyclables");
}

TEST(PetitionDraft, SlugRules) {
    for (const char* bad : {"ab", "Velo", "velo ecole", "-velo", "velo-", "velo--ecole", "vélo",
                            "velo/ecole", "velo.ecole"}) {
        auto draft = good();
        draft.slug = bad;
        EXPECT_EQ(code_of(draft), "petition.slug_invalid") << bad;
    }
    auto draft = good();
    draft.slug = "abc";
    EXPECT_EQ(code_of(draft), "");
    draft.slug = std::string(80, 'a');
    EXPECT_EQ(code_of(draft), "");
    draft.slug = std::string(81, 'a');
    EXPECT_EQ(code_of(draft), "petition.slug_invalid");
}

TEST(PetitionDraft, TitleRules) {
    auto draft = good();
    draft.title = "   ";
    EXPECT_EQ(code_of(draft), "petition.title_invalid");
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";
    draft.title = accents;  // 200 code points, 400 bytes
    EXPECT_EQ(code_of(draft), "");
    draft.title = accents + "e";
    EXPECT_EQ(code_of(draft), "petition.title_too_long");
    draft.title = "caf\xE9";
    EXPECT_EQ(code_of(draft), "text.invalid_utf8");
}

TEST(PetitionDraft, SummaryAndBodyRules) {
    auto draft = good();
    draft.summary = std::string(500, 's');
    EXPECT_EQ(code_of(draft), "");
    draft.summary = std::string(501, 's');
    EXPECT_EQ(code_of(draft), "petition.summary_too_long");
    draft = good();
    draft.body_markdown = std::string(100000, 'b');
    EXPECT_EQ(code_of(draft), "");
    draft.body_markdown = std::string(100001, 'b');
    EXPECT_EQ(code_of(draft), "petition.body_too_long");
    draft.body_markdown = "\n\n";
    EXPECT_EQ(code_of(draft), "petition.body_invalid");
}

TEST(PetitionDraft, BodyKeepsItsLines) {
    auto draft = good();
    draft.body_markdown = "# Titre\n\n- un\n- deux\x01\n";
    const auto result = validate_draft(draft);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->body_markdown, "# Titre\n\n- un\n- deux");
}

TEST(PetitionDraft, GoalRules) {
    auto draft = good();
    draft.goal = 1;
    EXPECT_EQ(code_of(draft), "");
    draft.goal = 0;
    EXPECT_EQ(code_of(draft), "petition.goal_invalid");
    draft.goal = 100'000'000;
    EXPECT_EQ(code_of(draft), "");
    draft.goal = 100'000'001;
    EXPECT_EQ(code_of(draft), "petition.goal_invalid");
    draft.goal.reset();
    EXPECT_EQ(code_of(draft), "");
}

}  // namespace
}  // namespace rempart
