// Tests for web/search_query: what a search box may hold, and the words looked for.
#include "web/search_query.hpp"

#include <gtest/gtest.h>

#include "web/errors.hpp"

namespace rempart::web {
namespace {

using Words = std::vector<std::string>;

TEST(SearchQuery, WordsAreFoldedAndDistinct) {
    const auto query = parse_search_query("  Vélo, ÉCOLE!  vélo ");
    ASSERT_TRUE(query.ok());
    EXPECT_EQ(query->text, "Vélo, ÉCOLE! vélo");
    EXPECT_EQ(query->words, (Words{"velo", "ecole"}));
}

TEST(SearchQuery, AnEmptyBoxOrPunctuationAloneHasNoWords) {
    EXPECT_TRUE(parse_search_query("")->words.empty());
    EXPECT_TRUE(parse_search_query(" ?! ")->words.empty());
}

TEST(SearchQuery, AtMostEightWordsAreLookedFor) {
    const auto query = parse_search_query("a b c d e f g h i j");
    ASSERT_TRUE(query.ok());
    EXPECT_EQ(query->words.size(), search_max_words);
}

TEST(SearchQuery, HundredCharactersAtMost) {
    EXPECT_TRUE(parse_search_query(std::string(100, 'a')).ok());
    const auto refused = parse_search_query(std::string(101, 'a'));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, WebError::search_too_long);
    // Characters, not bytes: a hundred accented letters are fine.
    std::string accents;
    for (int i = 0; i < 100; ++i) accents += "é";
    EXPECT_TRUE(parse_search_query(accents).ok());
}

TEST(SearchQuery, BytesThatAreNotTextAreRefused) {
    const auto refused = parse_search_query("v\xffl");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, WebError::search_not_text);
}

}  // namespace
}  // namespace rempart::web
