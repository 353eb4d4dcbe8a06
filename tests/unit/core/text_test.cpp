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
    EXPECT_FALSE(is_valid_utf8("caf\xE9"));            // Latin-1
}

TEST(Utf8, StripsControlAndInvisibleCharacters) {
    EXPECT_EQ(strip_control_characters("a\x01" "b\x7F" "c"), "abc");
    EXPECT_EQ(strip_control_characters("a\xC2\x85" "b"), "ab");                  // NEL, a C1 control
    EXPECT_EQ(strip_control_characters("Jeff\xE2\x80\x8B" "Bezos"), "JeffBezos");  // zero-width space
    EXPECT_EQ(strip_control_characters("\xE2\x80\xAE" "evil"), "evil");            // bidi override
    EXPECT_EQ(strip_control_characters("\xEF\xBB\xBF" "bom"), "bom");
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
}

}  // namespace
}  // namespace rempart
