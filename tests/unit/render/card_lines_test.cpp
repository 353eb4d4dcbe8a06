// Tests for render/card_lines: bytes read leniently as UTF-8, lines broken between words as
// French spacing wants, and "…" put between words, measured with the real fonts.
#include "render/detail/card_lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rempart::render::detail {
namespace {

using Lines = std::vector<std::u32string>;

TEST(CardText, BytesThatAreNotUtf8BecomeReplacementCharacters) {
    EXPECT_EQ(decode_card_text("é «»", 10), U"é «»");
    EXPECT_EQ(decode_card_text("😀", 10), U"😀");
    EXPECT_EQ(decode_card_text("a\xff"
                               "b",
                               10),
              U"a\ufffdb");
    EXPECT_EQ(decode_card_text("\xc0\xaf", 10), U"\ufffd\ufffd");            // overlong "/"
    EXPECT_EQ(decode_card_text("\xed\xa0\x80", 10), U"\ufffd\ufffd\ufffd");  // a surrogate
    EXPECT_EQ(decode_card_text("\xf4\x90\x80\x80", 10), std::u32string(4, U'\ufffd'));
    EXPECT_EQ(decode_card_text("fin \xc3", 10), U"fin \ufffd");  // cut in the middle
    EXPECT_EQ(decode_card_text("a\nb\tc\x7f", 10), U"a b c ");
}

TEST(CardText, StopsAtItsLimitAndSaysSo) {
    bool cut = false;
    EXPECT_EQ(decode_card_text("abcdef", 3, &cut), U"abc");
    EXPECT_TRUE(cut);
    EXPECT_EQ(decode_card_text("abc", 3, &cut), U"abc");
    EXPECT_FALSE(cut);
}

class CardLines : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto opened = open_card_faces(faces_);
        ASSERT_TRUE(opened.ok()) << opened.error().detail;
        FT_Set_Pixel_Sizes(faces_.bold, 0, 64);
    }
    int width(std::u32string_view text) const { return card_text_width(faces_.bold, text); }
    Lines wrap(std::u32string_view text, int line_width, std::size_t max_lines = 20) const {
        return wrap_card_text(faces_.bold, text, line_width, max_lines);
    }
    CardFaces faces_;
};

TEST_F(CardLines, AShortTitleStaysOnOneLine) {
    EXPECT_GT(width(U"Des pistes"), 200);
    EXPECT_EQ(wrap(U"Des pistes", 1056), Lines{U"Des pistes"});
}

TEST_F(CardLines, LinesBreakBetweenWordsWithinTheWidth) {
    const std::u32string title =
        U"Pour des pistes cyclables séparées de la circulation sur tous les grands axes";
    const auto lines = wrap(title, 600);
    ASSERT_GE(lines.size(), 3u);
    std::u32string joined;
    for (const auto& line : lines) {
        EXPECT_LE(width(line), 600);
        EXPECT_NE(line.front(), U' ');
        EXPECT_NE(line.back(), U' ');
        joined += (joined.empty() ? U"" : U" ") + line;
    }
    EXPECT_EQ(joined, title);
    EXPECT_LE(wrap(title, 300, 2).size(), 3u);  // stops once it knows the text does not fit
}

TEST_F(CardLines, FrenchMarksNeverStartOrEndALineAlone) {
    // Each width has room for the line without its mark, and not with it.
    EXPECT_EQ(wrap(U"« Sauvons le parc »", width(U"« Sauvons le parc") + 1),
              (Lines{U"« Sauvons le", U"parc »"}));
    EXPECT_EQ(wrap(U"Nous disons « Non »", width(U"Nous disons «") + 1),
              (Lines{U"Nous disons", U"« Non »"}));
    EXPECT_EQ(wrap(U"Vive le vélo !", width(U"Vive le vélo") + 1), (Lines{U"Vive le", U"vélo !"}));
}

TEST_F(CardLines, WordsTheFontCannotDrawLeaveNoGap) {
    EXPECT_EQ(wrap(U"Bravo \U0001f389 à tous", 1056), Lines{U"Bravo à tous"});
    EXPECT_EQ(width(U"\U0001f389\ue000"), 0);
}

TEST_F(CardLines, AWordWiderThanALineIsCutBetweenCharacters) {
    const std::u32string word(100, U'W');
    const auto lines = wrap(word, 600);
    ASSERT_GE(lines.size(), 2u);
    std::size_t characters = 0;
    for (const auto& line : lines) {
        EXPECT_LE(width(line), 600);
        characters += line.size();
    }
    EXPECT_EQ(characters, word.size());
}

TEST_F(CardLines, TheEllipsisFallsBetweenWords) {
    const std::u32string line = U"une consultation publique des riverains avant";
    EXPECT_EQ(
        end_card_line(faces_.bold, line, width(U"une consultation publique des riverains ava…")),
        U"une consultation publique des riverains…");
    EXPECT_EQ(end_card_line(faces_.bold, U"Des pistes", 1056), U"Des pistes…");
    // One word alone is cut where it must.
    const auto ended = end_card_line(faces_.bold, std::u32string(50, U'W'), 600);
    EXPECT_LE(width(ended), 600);
    EXPECT_GT(ended.size(), 5u);
    EXPECT_EQ(ended.back(), U'…');
}

}  // namespace
}  // namespace rempart::render::detail
