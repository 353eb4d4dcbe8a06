// Tests for signatures/postcode: each family of French postcodes, and what is refused.
#include "signatures/postcode.hpp"

#include <gtest/gtest.h>

#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

std::string department(std::string_view typed) {
    const auto postcode = parse_french_postcode(typed);
    return postcode ? postcode->department
                    : "refused: " + std::string(postcode.error().code.name());
}

TEST(Postcode, MainlandCodesGiveTheirFirstTwoDigits) {
    EXPECT_EQ(department("01000"), "01");  // Bourg-en-Bresse
    EXPECT_EQ(department("75011"), "75");
    EXPECT_EQ(department("13001"), "13");
    EXPECT_EQ(department("95000"), "95");  // Cergy
    EXPECT_EQ(department("48250"), "48");  // Laveyrune, in Ardèche, served from Lozère
    EXPECT_EQ(parse_french_postcode("75011")->code, "75011");
}

TEST(Postcode, SpacesAroundAndOneInsideAreAccepted) {
    EXPECT_EQ(parse_french_postcode("  75 011 ")->code, "75011");
    EXPECT_EQ(parse_french_postcode("\t69001\r\n")->code, "69001");
    EXPECT_EQ(department("75 0 11"), "refused: postcode.invalid");
    EXPECT_EQ(department("75  011"), "refused: postcode.invalid");
}

TEST(Postcode, CorsicaIsSplitBetweenCorseDuSudAndHauteCorse) {
    for (const char* sud : {"20000", "20090", "20100", "20137", "20167", "20199"})
        EXPECT_EQ(department(sud), "2A") << sud;
    for (const char* haute : {"20200", "20250", "20260", "20600", "20620", "20699"})
        EXPECT_EQ(department(haute), "2B") << haute;
    for (const char* none : {"20700", "20999"})
        EXPECT_EQ(department(none), "refused: postcode.invalid") << none;
}

TEST(Postcode, OverseasDepartementsAndCollectivities) {
    EXPECT_EQ(department("97100"), "971");  // Basse-Terre, Guadeloupe
    EXPECT_EQ(department("97200"), "972");  // Fort-de-France
    EXPECT_EQ(department("97300"), "973");  // Cayenne
    EXPECT_EQ(department("97400"), "974");  // Saint-Denis, La Réunion
    EXPECT_EQ(department("97500"), "975");  // Saint-Pierre-et-Miquelon
    EXPECT_EQ(department("97600"), "976");  // Mamoudzou, Mayotte
    EXPECT_EQ(department("97133"), "977");  // Saint-Barthélemy
    EXPECT_EQ(department("97150"), "978");  // Saint-Martin
    EXPECT_EQ(department("98600"), "986");  // Wallis and Futuna
    EXPECT_EQ(department("98714"), "987");  // Papeete
    EXPECT_EQ(department("98800"), "988");  // Nouméa
    EXPECT_EQ(department("98000"), "MC");   // Monaco
    for (const char* none : {"97000", "97700", "97800", "97900", "98100", "98500", "98900"})
        EXPECT_EQ(department(none), "refused: postcode.invalid") << none;
}

TEST(Postcode, WhatIsNotAFrenchPostcodeIsRefused) {
    for (const char* typed :
         {"", "   ", "7501", "750111", "75 01", "75O11", "2A000", "75011a", "-7501", "+75011",
          "75.011", "75-011", "00100", "96000", "99100", "７５０１１"}) {
        const auto postcode = parse_french_postcode(typed);
        EXPECT_FALSE(postcode.ok()) << typed;
        if (!postcode.ok()) {
            EXPECT_EQ(postcode.error().code, SignatureError::postcode_invalid);
        }
    }
}

}  // namespace
}  // namespace rempart::signatures

namespace rempart::signatures {
namespace {

TEST(Postcode, ANulByteInsideIsRefused) {
    EXPECT_FALSE(parse_french_postcode(std::string_view("75011\0", 6)).ok());
    EXPECT_FALSE(parse_french_postcode(std::string_view("750\0"
                                                        "11",
                                                        6))
                     .ok());
}

}  // namespace
}  // namespace rempart::signatures
