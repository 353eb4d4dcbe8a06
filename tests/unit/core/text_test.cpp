// Tests for core/text: strict UTF-8 and the removal of control and invisible characters.
#include "core/text.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

TEST(Utf8, AcceptsValidText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Pétition pour l'école"));
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x9A\xB2"));  // a bicycle, four bytes
    EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RefusesMalformedText) {
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
    EXPECT_FALSE(is_valid_utf8("caf\xE9"));  // Latin-1
}

TEST(Utf8, ReplacesEachByteThatIsNotUtf8) {
    EXPECT_EQ(to_valid_utf8(""), "");
    EXPECT_EQ(to_valid_utf8("Pétition \xF0\x9F\x9A\xB2"), "Pétition \xF0\x9F\x9A\xB2");
    EXPECT_EQ(to_valid_utf8("caf\xE9!"), "caf\uFFFD!");
    EXPECT_EQ(to_valid_utf8("\xC0\xAF"), "\uFFFD\uFFFD");            // overlong
    EXPECT_EQ(to_valid_utf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
    EXPECT_EQ(to_valid_utf8("a\xC3"), "a\uFFFD");                    // cut in two
    EXPECT_TRUE(is_valid_utf8(to_valid_utf8("\xFF\xFE\x80\xF4\x90\x80\x80")));
}

TEST(Utf8, StripsControlAndInvisibleCharacters) {
    EXPECT_EQ(strip_control_characters("a\x01"
                                       "b\x7F"
                                       "c"),
              "abc");
    EXPECT_EQ(strip_control_characters("a\xC2\x85"
                                       "b"),
              "ab");  // NEL, a C1 control
    EXPECT_EQ(strip_control_characters("Jeff\xE2\x80\x8B"
                                       "Bezos"),
              "JeffBezos");  // zero-width space
    EXPECT_EQ(strip_control_characters("\xE2\x80\xAE"
                                       "evil"),
              "evil");  // bidi override
    EXPECT_EQ(strip_control_characters("\xEF\xBB\xBF"
                                       "bom"),
              "bom");
    EXPECT_EQ(strip_control_characters("line\nnext\ttab"), "linenexttab");
    EXPECT_EQ(strip_control_characters("line\nnext\ttab", true), "line\nnext\ttab");
    EXPECT_EQ(strip_control_characters("école"), "école");
}

TEST(Utf8, CountsCodePointsNotBytes) {
    EXPECT_EQ(count_code_points("école"), 5u);
    EXPECT_EQ(count_code_points("\xF0\x9F\x9A\xB2"), 1u);
}

TEST(Text, TrimsAsciiWhitespace) {
    EXPECT_EQ(trim("  a b \n"), "a b");
    EXPECT_EQ(trim("   "), "");
    EXPECT_EQ(trim(""), "");
    EXPECT_EQ(trim("\t\r\n\v\fx\r\n"), "x");
    EXPECT_EQ(trim("\xC2\xA0x"), "\xC2\xA0x");  // a no-break space is not ASCII: kept
}

TEST(Utf8, RefusesEveryKindOfMalformedSequence) {
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));      // truncated three-byte sequence
    EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x9A"));  // truncated four-byte sequence
    EXPECT_FALSE(
        is_valid_utf8("\xF0\x9F\x9A"
                      "a"));                              // ASCII where a continuation goes
    EXPECT_FALSE(is_valid_utf8("\x80"));                  // a lone continuation byte
    EXPECT_FALSE(is_valid_utf8("\xC1\xBF"));              // overlong, two bytes
    EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\x80"));      // overlong, four bytes
    EXPECT_FALSE(is_valid_utf8("\xED\xBF\xBF"));          // the last low surrogate, U+DFFF
    EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));      // a lead byte only for > U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));  // five-byte form
    EXPECT_FALSE(is_valid_utf8(std::string_view("a\0\xFF", 3)));
}

TEST(Utf8, AcceptsEachBoundaryCodePoint) {
    EXPECT_TRUE(is_valid_utf8("\x7F"));                       // U+007F
    EXPECT_TRUE(is_valid_utf8("\xC2\x80"));                   // U+0080
    EXPECT_TRUE(is_valid_utf8("\xDF\xBF"));                   // U+07FF
    EXPECT_TRUE(is_valid_utf8("\xE0\xA0\x80"));               // U+0800
    EXPECT_TRUE(is_valid_utf8("\xED\x9F\xBF"));               // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid_utf8("\xEE\x80\x80"));               // U+E000, just above them
    EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBF"));               // U+FFFF
    EXPECT_TRUE(is_valid_utf8("\xF0\x90\x80\x80"));           // U+10000
    EXPECT_TRUE(is_valid_utf8(std::string_view("a\0b", 3)));  // NUL is valid UTF-8
}

TEST(Utf8, StripsEveryInvisibleFormatCharacter) {
    // U+200B..U+200F, U+202A..U+202E, U+2060..U+2064, U+2066..U+2069, U+FEFF.
    for (const char* invisible :
         {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x80\x8E", "\xE2\x80\x8F",
          "\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE",
          "\xE2\x81\xA0", "\xE2\x81\xA1", "\xE2\x81\xA2", "\xE2\x81\xA3", "\xE2\x81\xA4",
          "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9", "\xEF\xBB\xBF"}) {
        EXPECT_EQ(strip_control_characters(std::string("a") + invisible + "b"), "ab")
            << "U+" << std::hex << static_cast<int>(invisible[1] & 0xFF);
    }
    // Neighbours that are visible or ordinary stay.
    EXPECT_EQ(strip_control_characters("\xE2\x80\x8A"), "\xE2\x80\x8A");  // U+200A hair space
    EXPECT_EQ(strip_control_characters("\xE2\x80\xAF"), "\xE2\x80\xAF");  // U+202F
    EXPECT_EQ(strip_control_characters("\xE2\x81\xA5"), "\xE2\x81\xA5");  // U+2065, unassigned
    EXPECT_EQ(strip_control_characters("\xC2\xA0"), "\xC2\xA0");          // U+00A0 no-break space
}

TEST(Utf8, StripsTheWholeC1RangeAndCarriageReturns) {
    EXPECT_EQ(strip_control_characters("a\xC2\x80"
                                       "b\xC2\x9F"
                                       "c"),
              "abc");
    EXPECT_EQ(strip_control_characters("\xC2\xA0"), "\xC2\xA0");
    EXPECT_EQ(strip_control_characters("one\r\ntwo", true), "one\ntwo");
    EXPECT_EQ(strip_control_characters(std::string_view("a\0b", 3)), "ab");
    EXPECT_EQ(strip_control_characters("\x1B[31mred", true), "[31mred");  // an escape sequence
}

TEST(Utf8, CountsCodePointsOfEveryLength) {
    EXPECT_EQ(count_code_points(""), 0u);
    EXPECT_EQ(count_code_points("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x9A\xB2"), 4u);  // a é € bicycle
}

}  // namespace
TEST(PercentEncode, KeepsUnreservedAndWhatTheCallerAllows) {
    EXPECT_EQ(percent_encode("a-b.c_d~9"), "a-b.c_d~9");
    EXPECT_EQ(percent_encode("/admin/x?y=1&z"), "%2Fadmin%2Fx%3Fy%3D1%26z");
    EXPECT_EQ(percent_encode("/admin/x y", "/"), "/admin/x%20y");
    EXPECT_EQ(percent_encode("é@x", "@"), "%C3%A9@x");
    EXPECT_EQ(percent_encode("\r\n"), "%0D%0A");
}

}  // namespace rempart
