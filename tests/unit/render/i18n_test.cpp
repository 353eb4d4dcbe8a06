// Tests for render/i18n: the catalogs agree, and the visitor's language is chosen well.
#include "render/i18n.hpp"

#include <gtest/gtest.h>

namespace rempart::render {
namespace {

TEST(Messages, BothLanguagesHoldTheSameKeys) {
    const auto messages = Messages::load();
    ASSERT_TRUE(messages.ok()) << messages.error().detail;
    const auto& fr = (*messages)->all(Language::fr);
    const auto& en = (*messages)->all(Language::en);
    ASSERT_EQ(fr.size(), en.size());
    for (const auto& [key, _] : fr) EXPECT_TRUE(en.contains(key)) << key;
    EXPECT_EQ((*messages)->text(Language::fr, "home.title"), "Pétitions ouvertes");
    EXPECT_EQ((*messages)->text(Language::en, "home.title"), "Open petitions");
}

TEST(Messages, AKeyMissingInOneLanguageIsRefused) {
    const auto messages = Messages::parse("[a]\nx = \"1\"\ny = \"2\"\n", "[a]\nx = \"1\"\n");
    ASSERT_FALSE(messages.ok());
    EXPECT_NE(messages.error().detail.find("a.y"), std::string::npos);
}

TEST(Messages, EveryErrorStatusHasWords) {
    const auto messages = Messages::load();
    ASSERT_TRUE(messages.ok());
    for (const int status : {400, 403, 404, 405, 408, 409, 413, 422, 429, 431, 500, 503})
        for (const auto language : {Language::fr, Language::en}) {
            const auto key = "error.title_" + std::to_string(status);
            EXPECT_NE((*messages)->text(language, key), key) << status;
        }
}

TEST(Language, CookieWinsThenAcceptLanguage) {
    EXPECT_EQ(choose_language("en", "fr", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "en-GB,en;q=0.9,fr;q=0.8", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "de-DE,fr;q=0.5,en;q=0.4", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", "de", Language::fr), Language::fr);
    EXPECT_EQ(choose_language("xx", "", Language::en), Language::en);
    EXPECT_EQ(choose_language("", "EN-us", Language::fr), Language::en);
    EXPECT_EQ(choose_language("", "en;q=0, fr;q=0.1", Language::en), Language::fr);
    EXPECT_EQ(choose_language("", ";;,=q,", Language::fr), Language::fr);
}

TEST(Numbers, FormattedTheWayEachLanguageWrites) {
    EXPECT_EQ(format_number(Language::fr, 12345), "12\u202f345");
    EXPECT_EQ(format_number(Language::en, 1234567), "1,234,567");
    EXPECT_EQ(format_number(Language::en, 999), "999");
    EXPECT_EQ(format_number(Language::fr, 0), "0");
}

}  // namespace
}  // namespace rempart::render
