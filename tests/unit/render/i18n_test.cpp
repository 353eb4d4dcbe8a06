// Tests for render/i18n: the catalogs agree, and the visitor's language is chosen well.
#include "render/i18n.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "core/embedded.hpp"
#include "defence/model/errors.hpp"
#include "petitions/errors.hpp"
#include "render/errors.hpp"

namespace rempart::render {
namespace {

std::unique_ptr<Messages> load() {
    auto messages = Messages::load();
    EXPECT_TRUE(messages.ok()) << messages.error().detail;
    return messages.ok() ? std::move(*messages) : nullptr;
}

TEST(Messages, BothLanguagesHoldTheSameKeys) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    const auto& fr = messages->all(Language::fr);
    const auto& en = messages->all(Language::en);
    EXPECT_EQ(fr.size(), en.size());
    for (const auto& [key, _] : fr) EXPECT_TRUE(en.contains(key)) << key;
    for (const auto& [key, _] : en) EXPECT_TRUE(fr.contains(key)) << key;
    EXPECT_EQ(messages->text(Language::fr, "home.title"), "Pétitions ouvertes");
    EXPECT_EQ(messages->text(Language::en, "home.title"), "Open petitions");
}

TEST(Messages, AKeyMissingInOneLanguageStopsTheStart) {
    const auto fr_more = Messages::parse("[a]\nx = \"1\"\ny = \"2\"\n", "[a]\nx = \"1\"\n");
    ASSERT_FALSE(fr_more.ok());
    EXPECT_NE(fr_more.error().detail.find("a.y"), std::string::npos);
    EXPECT_NE(fr_more.error().detail.find("en.toml"), std::string::npos);
    const auto en_more = Messages::parse("[a]\nx = \"1\"\n", "[a]\nx = \"1\"\nz = \"2\"\n");
    ASSERT_FALSE(en_more.ok());
    EXPECT_NE(en_more.error().detail.find("a.z"), std::string::npos);
    EXPECT_NE(en_more.error().detail.find("fr.toml"), std::string::npos);
}

TEST(Messages, PlaceholdersMustMatchAcrossLanguages) {
    const auto messages =
        Messages::parse("[a]\nx = \"{count} signatures\"\n", "[a]\nx = \"{n} signatures\"\n");
    ASSERT_FALSE(messages.ok());
    EXPECT_EQ(messages.error().code, RenderError::locale_placeholders);
}

TEST(Messages, BadFilesAreRefusedWithTheirName) {
    const auto broken = Messages::parse("[a\n", "[a]\n");
    ASSERT_FALSE(broken.ok());
    EXPECT_NE(broken.error().detail.find("fr.toml"), std::string::npos);
    EXPECT_FALSE(Messages::parse("x = \"top level\"\n", "x = \"top level\"\n").ok());
    EXPECT_FALSE(Messages::parse("[a]\nx = 3\n", "[a]\nx = 3\n").ok());
}

TEST(Messages, AnUnknownKeyShowsItself) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    EXPECT_EQ(messages->text(Language::fr, "nowhere.nothing"), "nowhere.nothing");
}

TEST(Messages, EveryErrorStatusHasATitleAndWhatToDo) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    for (const int status : {400, 401, 403, 404, 405, 408, 409, 413, 422, 429, 431, 500, 503})
        for (const auto language : all_languages)
            for (const char* part : {"error.title_", "error.text_"}) {
                const auto key = part + std::to_string(status);
                EXPECT_TRUE(messages->all(language).contains(key)) << key;
                EXPECT_FALSE(messages->text(language, key).empty()) << key;
            }
}

// The domain's Result error codes are the catalog's keys, so handlers show them as they come.
TEST(Messages, EveryValidationErrorCodeHasWords) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    using defence::DefenceError;
    const ErrorCode shown[] = {
        PetitionError::slug_invalid,      PetitionError::slug_taken,
        PetitionError::title_invalid,     PetitionError::title_too_long,
        PetitionError::summary_too_long,  PetitionError::body_invalid,
        PetitionError::body_too_long,     PetitionError::goal_invalid,
        PetitionError::text_invalid_utf8, DefenceError::trust_bad_domain,
        DefenceError::trust_bad_network,  DefenceError::trust_too_wide,
        DefenceError::trust_duplicate,    PetitionError::goal_below_count,
        PetitionError::target_too_long,   PetitionError::target_email_invalid,
        PetitionError::end_date_invalid,  PetitionError::end_date_past,
        PetitionError::language_invalid,  PetitionError::slug_locked,
        PetitionError::state_conflict,    PetitionError::news_kind_invalid,
        PetitionError::news_subject_invalid, PetitionError::news_subject_too_long,
        PetitionError::news_body_invalid, PetitionError::news_body_too_long,
        PetitionError::news_not_public,   PetitionError::news_no_recipients,
        PetitionError::news_not_found,    PetitionError::news_state_conflict,
        PetitionError::already_won};
    for (const auto code : shown)
        for (const auto language : all_languages)
            EXPECT_TRUE(messages->all(language).contains(std::string(code.name()))) << code;
}

TEST(Messages, EveryCountedNounHasBothForms) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    std::size_t nouns = 0;
    for (const auto& [key, text] : messages->all(Language::fr)) {
        if (key.ends_with("_one")) {
            ++nouns;
            const auto other = key.substr(0, key.size() - 4) + "_other";
            EXPECT_TRUE(messages->all(Language::fr).contains(other)) << key;
        }
        if (key.ends_with("_one") || key.ends_with("_other")) {
            EXPECT_NE(text.find("{count}"), std::string::npos) << key;
        }
    }
    EXPECT_GE(nouns, 4u);  // results, signatures, open watches, released signers at least
}

// kainjow shows a missing value as nothing: a misspelt {{t.x.y}} would vanish silently.
TEST(Messages, EveryKeyTheTemplatesUseExists) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    static const std::regex used("\\{\\{\\s*t\\.([a-z_]+\\.[a-z_0-9]+)\\s*\\}\\}");
    std::size_t seen = 0;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        const std::string text(file.bytes);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), used);
             it != std::sregex_iterator(); ++it, ++seen)
            EXPECT_TRUE(messages->all(Language::fr).contains((*it)[1].str()))
                << file.path << ": " << (*it)[1];
    }
    EXPECT_GT(seen, 40u);
}

TEST(Messages, CountsAgreeWithTheirNoun) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    EXPECT_EQ(format_signatures(*messages, Language::fr, 0), "0 signature");
    EXPECT_EQ(format_signatures(*messages, Language::fr, 1), "1 signature");
    EXPECT_EQ(format_signatures(*messages, Language::fr, 2), "2 signatures");
    EXPECT_EQ(format_signatures(*messages, Language::fr, 12345), "12\u202f345 signatures");
    EXPECT_EQ(format_signatures(*messages, Language::en, 0), "0 signatures");
    EXPECT_EQ(format_signatures(*messages, Language::en, 1), "1 signature");
    EXPECT_EQ(format_signatures(*messages, Language::en, 12345), "12,345 signatures");
}

TEST(Language, CookieWinsThenAcceptLanguage) {
    EXPECT_EQ(choose_language("en", "fr", Language::fr), Language::en);
    EXPECT_EQ(choose_language("fr", "en", Language::en), Language::fr);
    EXPECT_EQ(choose_language("xx", "", Language::en), Language::en);
    EXPECT_EQ(choose_language("xx", "fr", Language::en), Language::fr);
}

TEST(Language, AcceptLanguageByQValue) {
    EXPECT_EQ(choose_language("", "en-GB,en;q=0.9,fr;q=0.8", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "fr-CA,fr;q=0.9,en;q=0.8", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "de-DE,fr;q=0.5,en;q=0.4", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "de-DE,fr;q=0.4,en;q=0.5", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "en;q=0.5, fr", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "EN-us", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", " en ; Q=0.7 , fr ; q=0.3", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "en;level=1;q=0.2,fr;q=0.1", Language::fr), Language::en);
}

TEST(Language, AcceptLanguageWeDoNotSpeakFallsBack) {
    EXPECT_EQ(choose_language("", "de", Language::fr), Language::fr);
    EXPECT_EQ(choose_language("", "de", Language::en), Language::en);
    EXPECT_EQ(choose_language("", "*", Language::en), Language::en);
    EXPECT_EQ(choose_language("", "", Language::fr), Language::fr);
    EXPECT_EQ(choose_language("", "english,french", Language::fr), Language::fr);
}

TEST(Language, QZeroMeansNotThisOne) {
    EXPECT_EQ(choose_language("", "en;q=0, fr;q=0.1", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "en;q=0", Language::fr), Language::fr);
}

TEST(Language, MalformedHeadersDoNotConfuseIt) {
    EXPECT_EQ(choose_language("", ";;,=q,", Language::fr), Language::fr);
    EXPECT_EQ(choose_language("", "en;q=abc,fr;q=0.1", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "en;q=2,fr;q=0.1", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "en;q=-1", Language::fr), Language::fr);
    EXPECT_EQ(choose_language("", ",,,,en", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", std::string(8000, ','), Language::en), Language::en);
}

TEST(Numbers, FormattedTheWayEachLanguageWrites) {
    EXPECT_EQ(format_number(Language::fr, 12345), "12\u202f345");
    EXPECT_EQ(format_number(Language::fr, 1234567), "1\u202f234\u202f567");
    EXPECT_EQ(format_number(Language::en, 1234567), "1,234,567");
    EXPECT_EQ(format_number(Language::en, 999), "999");
    EXPECT_EQ(format_number(Language::en, 1000), "1,000");
    EXPECT_EQ(format_number(Language::fr, 0), "0");
    EXPECT_EQ(format_number(Language::en, -1234), "-1,234");
    EXPECT_EQ(format_number(Language::en, INT64_MIN), "-9,223,372,036,854,775,808");
}

TEST(Plural, FrenchCountsZeroAsOne) {
    EXPECT_EQ(plural_form(Language::fr, 0), Plural::one);
    EXPECT_EQ(plural_form(Language::fr, 1), Plural::one);
    EXPECT_EQ(plural_form(Language::fr, 2), Plural::other);
    EXPECT_EQ(plural_form(Language::en, 0), Plural::other);
    EXPECT_EQ(plural_form(Language::en, 1), Plural::one);
    EXPECT_EQ(plural_form(Language::en, 2), Plural::other);
}

TEST(Dates, WrittenTheWayEachLanguageWrites) {
    EXPECT_EQ(format_date(Language::fr, 1'796'515'200), "6 décembre 2026");
    EXPECT_EQ(format_date(Language::en, 1'796'515'200), "6 December 2026");
    EXPECT_EQ(format_date(Language::fr, 1'798'761'600), "1er janvier 2027");
    EXPECT_EQ(format_date(Language::en, 1'798'761'600), "1 January 2027");
}

TEST(Consent, TheVersionFollowsTheWordsOfEachLanguage) {
    const auto messages = load();
    ASSERT_NE(messages, nullptr);
    const auto fr = consent_version(*messages, Language::fr);
    EXPECT_TRUE(std::regex_match(fr, std::regex("[0-9a-f]{12}"))) << fr;
    EXPECT_EQ(fr, consent_version(*messages, Language::fr));
    EXPECT_NE(fr, consent_version(*messages, Language::en));
}

TEST(Fill, ReplacesOnlyNamedPlaceholders) {
    EXPECT_EQ(fill("{count} sur {goal}", {{"count", "3"}, {"goal", "10"}}), "3 sur 10");
    EXPECT_EQ(fill("{other} {count}", {{"count", "3"}}), "{other} 3");
    EXPECT_EQ(fill("{ {} {count", {{"count", "3"}}), "{ {} {count");
    EXPECT_EQ(fill("", {}), "");
    // A value is not read again: user text holding "{count}" stays as typed.
    EXPECT_EQ(fill("{site}", {{"site", "{count}"}, {"count", "3"}}), "{count}");
}

}  // namespace
}  // namespace rempart::render
