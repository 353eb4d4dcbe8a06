// Tests for signatures/text_input: what signers' text becomes, and how names are compared.
#include "signatures/text_input.hpp"

#include <gtest/gtest.h>

namespace rempart::signatures {
namespace {

std::string line(std::string_view raw, std::size_t max_chars = 100) {
    const auto cleaned = clean_text(raw, max_chars, false);
    return cleaned ? *cleaned : "refused: " + std::string(cleaned.error().code.name());
}

std::string lines(std::string_view raw, std::size_t max_chars = 100) {
    const auto cleaned = clean_text(raw, max_chars, true);
    return cleaned ? *cleaned : "refused: " + std::string(cleaned.error().code.name());
}

TEST(CleanText, InvalidUtf8IsRefused) {
    for (const char* raw :
         {"caf\xe9", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok \xff"})
        EXPECT_EQ(line(raw), "refused: input.not_utf8") << raw;
}

TEST(CleanText, AccentsTypedInTwoPartsBecomeOneCharacter) {
    EXPECT_EQ(line("Ame\u0301lie"), "Amélie");
    EXPECT_EQ(line("Ame\u0301lie").size(), std::string("Amélie").size());
    // Even when an invisible character sat between the letter and its accent.
    EXPECT_EQ(line("Ame\u200b\u0301lie"), "Amélie");
}

TEST(CleanText, SpacesAreCollapsedAndTrimmed) {
    EXPECT_EQ(line("  Jean \t  Dupont  "), "Jean Dupont");
    EXPECT_EQ(line("Jean\u00a0\u202fDupont"), "Jean Dupont");  // no-break spaces
    EXPECT_EQ(line("Jean\u3000Dupont"), "Jean Dupont");        // ideographic space
    EXPECT_EQ(line("   "), "");
    EXPECT_EQ(line(""), "");
}

TEST(CleanText, ControlCharactersAreRemoved) {
    EXPECT_EQ(line("Je\x01\x07\x1b[31man\x7f"), "Je[31man");
    EXPECT_EQ(line("Jean\xc2\x85\xc2\x9b"), "Jean");  // C1 controls, NEL at the end
}

TEST(CleanText, InvisibleCharactersAreRemoved) {
    const char* invisible[] = {
        "\u200b",     "\u200c",     "\u200d", "\u2060", "\ufeff",
        "\u00ad",                                                  // zero-width, soft hyphen
        "\u202a",     "\u202b",     "\u202c", "\u202d", "\u202e",  // bidi embeddings
        "\u2066",     "\u2067",     "\u2068", "\u2069",            // bidi isolates
        "\U000E0041", "\U000E007F",                                // tags
        "\ufe0f",     "\U000E0100", "\u034f", "\u180e",            // selectors, joiners
    };
    for (const char* c : invisible)
        EXPECT_EQ(line(std::string("Je") + c + "an"), "Jean")
            << "U+" << std::hex << static_cast<int>(c[0]);
}

TEST(CleanText, BlankLookingNamesAreEmpty) {
    EXPECT_EQ(line("\u3164"), "");               // Hangul filler
    EXPECT_EQ(line("\u2800 \u200b\u115f"), "");  // braille blank and friends
    EXPECT_EQ(line("Jean\u2800\u2800Dupont"), "Jean Dupont");
}

TEST(CleanText, OneLineFieldsJoinLinesWithASpace) {
    EXPECT_EQ(line("Jean\nDupont"), "Jean Dupont");
    EXPECT_EQ(line("Jean \r\n Dupont\r"), "Jean Dupont");
}

TEST(CleanText, CommentsKeepTheirLines) {
    EXPECT_EQ(lines("one\r\ntwo\rthree\nfour"), "one\ntwo\nthree\nfour");
    EXPECT_EQ(lines("one  \n   two"), "one\ntwo");  // no spaces at line ends or starts
    EXPECT_EQ(lines("\n\n one\n\n"), "one");
    EXPECT_EQ(lines("one\u2028two\u2029three"), "one\ntwo\nthree");
    EXPECT_EQ(lines("a\tb"), "a b");
}

TEST(CleanText, AtMostTwoBlankLinesInARow) {
    EXPECT_EQ(lines("one\n\ntwo"), "one\n\ntwo");
    EXPECT_EQ(lines("one\n\n\ntwo"), "one\n\n\ntwo");
    EXPECT_EQ(lines("one\n\n\n\n\n\n\ntwo"), "one\n\n\ntwo");
    EXPECT_EQ(lines("one\r\n \r\n\t\r\n\r\n\r\ntwo"), "one\n\n\ntwo");
}

TEST(CleanText, LengthIsCountedInCharactersOnceClean) {
    EXPECT_EQ(line("abcde", 5), "abcde");
    EXPECT_EQ(line("abcdef", 5), "refused: input.too_long");
    EXPECT_EQ(line("ééééé", 5), "ééééé");  // 10 bytes, 5 characters
    EXPECT_EQ(line("e\u0301e\u0301e\u0301e\u0301e\u0301", 5), "ééééé");
    EXPECT_EQ(line("   ab   cd   ", 5), "ab cd");  // spaces collapsed first
    EXPECT_EQ(line("a\u200bb\u200bc\u200bd\u200be", 5), "abcde");
    EXPECT_EQ(lines("ab\ncd", 5), "ab\ncd");  // a newline is a character
    EXPECT_EQ(lines("ab\n\ncd", 5), "refused: input.too_long");
    EXPECT_EQ(line("", 0), "");
}

TEST(NormaliseForComparison, FoldsCaseAccentsPunctuationAndSpacing) {
    for (const char* name : {"Jeff  BÉZOS", "jeff bezos", "Jéff Bezos!", " -Jeff- (Bezos) ",
                             "JEFF\u00a0BEZOS", "ＪＥＦＦ ＢＥＺＯＳ"})
        EXPECT_EQ(normalise_for_comparison(name), "jeff bezos") << name;
    EXPECT_EQ(normalise_for_comparison("déso pas déso"), "deso pas deso");
}

TEST(NormaliseForComparison, LettersThatDoNotDecomposeAreSpelledOut) {
    EXPECT_EQ(normalise_for_comparison("Cœur d'Æthelstan"), "coeur d aethelstan");
    EXPECT_EQ(normalise_for_comparison("Straße"), "strasse");
    EXPECT_EQ(normalise_for_comparison("Łukasz Ørsted"), "lukasz orsted");
    EXPECT_EQ(normalise_for_comparison("ﬁlle"), "fille");  // ligature
}

TEST(NormaliseForComparison, LookalikeLettersFromOtherAlphabetsAreLatin) {
    // Cyrillic е, В and о, Greek Ζ, inside otherwise Latin names.
    EXPECT_EQ(normalise_for_comparison("J\u0435ff \u0412\u0435z\u043es"), "jeff bezos");
    EXPECT_EQ(normalise_for_comparison("\u0396oe"), "zoe");
}

TEST(NormaliseForComparison, KeepsDigitsAndOtherScripts) {
    EXPECT_EQ(normalise_for_comparison("Louis XIV 1638"), "louis xiv 1638");
    EXPECT_EQ(normalise_for_comparison("Jean²"), "jean2");
    EXPECT_EQ(normalise_for_comparison("山田 太郎"), "山田 太郎");
    EXPECT_NE(normalise_for_comparison("Jean"), normalise_for_comparison("Jeanne"));
}

TEST(NormaliseForComparison, SymbolsAndEmojiAreNotPartOfAName) {
    EXPECT_EQ(normalise_for_comparison("Jeff 😀 Bezos ✊"), "jeff bezos");
    EXPECT_EQ(normalise_for_comparison("😀 !!"), "");
    EXPECT_EQ(normalise_for_comparison("line one\nline two"), "line one line two");
}

}  // namespace
}  // namespace rempart::signatures
