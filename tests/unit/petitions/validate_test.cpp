// Tests for petitions/validate: each rule checked at its bound and one step past.
#include "petitions/validate.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "petitions/errors.hpp"

namespace rempart {
namespace {

PetitionDraft good() {
    return PetitionDraft{"velo-ecole", "Titre", "Résumé", "Texte.", 100};
}

// What validate_draft answers: a PetitionError, or `accepted`.
constexpr ErrorCode accepted{};

ErrorCode code_of(const PetitionDraft& draft) {
    const auto result = validate_draft(draft);
    return result ? accepted : result.error().code;
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
        EXPECT_EQ(code_of(draft), PetitionError::slug_invalid) << bad;
    }
    auto draft = good();
    draft.slug = "abc";
    EXPECT_EQ(code_of(draft), accepted);
    draft.slug = std::string(80, 'a');
    EXPECT_EQ(code_of(draft), accepted);
    draft.slug = std::string(81, 'a');
    EXPECT_EQ(code_of(draft), PetitionError::slug_invalid);
}

TEST(PetitionDraft, TitleRules) {
    auto draft = good();
    draft.title = "   ";
    EXPECT_EQ(code_of(draft), PetitionError::title_invalid);
    std::string accents;
    for (int i = 0; i < 200; ++i) accents += "é";
    draft.title = accents;  // 200 code points, 400 bytes
    EXPECT_EQ(code_of(draft), accepted);
    draft.title = accents + "e";
    EXPECT_EQ(code_of(draft), PetitionError::title_too_long);
    draft.title = "caf\xE9";
    EXPECT_EQ(code_of(draft), PetitionError::text_invalid_utf8);
}

TEST(PetitionDraft, SummaryAndBodyRules) {
    auto draft = good();
    draft.summary = std::string(500, 's');
    EXPECT_EQ(code_of(draft), accepted);
    draft.summary = std::string(501, 's');
    EXPECT_EQ(code_of(draft), PetitionError::summary_too_long);
    draft = good();
    draft.body_markdown = std::string(100000, 'b');
    EXPECT_EQ(code_of(draft), accepted);
    draft.body_markdown = std::string(100001, 'b');
    EXPECT_EQ(code_of(draft), PetitionError::body_too_long);
    draft.body_markdown = "\n\n";
    EXPECT_EQ(code_of(draft), PetitionError::body_invalid);
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
    EXPECT_EQ(code_of(draft), accepted);
    draft.goal = 0;
    EXPECT_EQ(code_of(draft), PetitionError::goal_invalid);
    draft.goal = 100'000'000;
    EXPECT_EQ(code_of(draft), accepted);
    draft.goal = 100'000'001;
    EXPECT_EQ(code_of(draft), PetitionError::goal_invalid);
    draft.goal.reset();
    EXPECT_EQ(code_of(draft), accepted);
}

TEST(PetitionDraft, SlugErrorsSayWhichRuleWasBroken) {
    const std::pair<const char*, const char*> cases[] = {
        {"ab", "the slug must be 3 to 80 characters long"},
        {"Velo", "the slug may only contain lowercase letters, digits and dashes"},
        {"-velo", "the slug must not start or end with a dash"},
        {"velo--ecole", "the slug must not contain two dashes in a row"},
    };
    for (const auto& [slug, sentence] : cases) {
        auto draft = good();
        draft.slug = slug;
        const auto result = validate_draft(draft);
        ASSERT_FALSE(result.ok()) << slug;
        EXPECT_NE(result.error().detail.find(sentence), std::string::npos)
            << slug << ": " << result.error().detail;
        EXPECT_NE(result.error().detail.find("e.g. noel-sans-amazon"), std::string::npos);
    }
}

TEST(PetitionDraft, TitleIsOneLine) {
    auto draft = good();
    draft.title = "Des pistes\ncyclables\tpartout\r\n";
    const auto result = validate_draft(draft);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->title, "Des pistes cyclables partout");
}

TEST(PetitionDraft, InvisibleCharactersDoNotCount) {
    auto draft = good();
    draft.title = "\xE2\x80\x8B\xE2\x80\xAE\xEF\xBB\xBF";  // zero-width space, bidi override, BOM
    EXPECT_EQ(code_of(draft), PetitionError::title_invalid);
    draft.title = std::string(200, 't') + "\xE2\x80\x8B";  // 201 code points before cleaning
    EXPECT_EQ(code_of(draft), accepted);
    draft = good();
    draft.body_markdown = std::string(100000, 'b') + "\x01";  // 100001 bytes before cleaning
    EXPECT_EQ(code_of(draft), accepted);
    draft.body_markdown = " \xE2\x80\x8B\n";
    EXPECT_EQ(code_of(draft), PetitionError::body_invalid);
}

TEST(PetitionDraft, BodyLimitIsInBytes) {
    auto draft = good();
    std::string accents;
    for (int i = 0; i < 50000; ++i) accents += "\xC3\xA9";  // 50000 code points, 100000 bytes
    draft.body_markdown = accents;
    EXPECT_EQ(code_of(draft), accepted);
    draft.body_markdown = accents + "e";
    EXPECT_EQ(code_of(draft), PetitionError::body_too_long);
}

TEST(PetitionDraft, EveryTextFieldMustBeUtf8) {
    auto draft = good();
    draft.summary = "r\xE9sum\xE9";
    EXPECT_EQ(code_of(draft), PetitionError::text_invalid_utf8);
    draft = good();
    draft.body_markdown = "\xED\xA0\x80";  // a surrogate
    EXPECT_EQ(code_of(draft), PetitionError::text_invalid_utf8);
}

TEST(PetitionDraft, ErrorsAreSentencesNamingTheField) {
    auto draft = good();
    draft.title = std::string(201, 't');
    auto result = validate_draft(draft);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().detail, "the title must be at most 200 characters long");
    draft = good();
    draft.goal = 0;
    result = validate_draft(draft);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().detail,
              "the goal must be a whole number of signatures from 1 to 100000000");
}

}  // namespace
}  // namespace rempart
