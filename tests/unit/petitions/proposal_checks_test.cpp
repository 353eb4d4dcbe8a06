// Tests for petitions/proposal_checks: what a moderator sees flagged on a proposal, and the
// measures behind each flag.
#include "petitions/proposal_checks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rempart {
namespace {

using Strings = std::vector<std::string>;

const char* const french_paragraph =
    "Nous demandons à la mairie de créer des pistes cyclables sûres dans notre quartier. "
    "Les enfants qui vont à l'école à vélo doivent partager la route avec les camions, et "
    "ce n'est pas acceptable pour les familles.";

const char* const english_paragraph =
    "We ask the council to build safe cycle lanes in our neighbourhood. Children who ride to "
    "school have to share the road with lorries, and that is not acceptable for the families "
    "who live there.";

ProposalText clean_proposal() {
    return {"Des pistes cyclables sûres à Lyon", "Pour que les enfants aillent à l'école à vélo.",
            french_paragraph, "fr"};
}

std::vector<ProposalFlagKind> kinds_of(const std::vector<ProposalFlag>& flags) {
    std::vector<ProposalFlagKind> kinds;
    for (const auto& flag : flags) kinds.push_back(flag.kind);
    return kinds;
}

TEST(ProposalLinks, AMarkdownLinkCountsOnceEvenWithItsAddressAsText) {
    EXPECT_EQ(count_links("Voir [le plan](https://lyon.fr/plan)."), 1u);
    EXPECT_EQ(count_links("[https://lyon.fr](https://lyon.fr)"), 1u);
    EXPECT_EQ(count_links("![carte](https://lyon.fr/carte.png \"La carte (2024)\") puis fin"), 1u);
}

TEST(ProposalLinks, BareAddressesAutolinksAndMailAreEachCounted) {
    EXPECT_EQ(count_links("http://a.fr https://b.fr/x?y=1 WWW.c.fr mailto:d@e.fr"), 4u);
    EXPECT_EQ(count_links("<https://a.fr> et <contact@b.fr>, puis [c](https://c.fr)"), 3u);
    EXPECT_EQ(count_links("(voir https://www.a.fr/page), www.b.fr."), 2u);
}

TEST(ProposalLinks, TextWithoutAddressesHasNone) {
    EXPECT_EQ(count_links(""), 0u);
    EXPECT_EQ(count_links("Un texte <b>gras</b>, [une note], (une parenthèse), le www. seul, "
                          "unhttp://collé et un courriel écrit a@b.fr."),
              0u);
}

TEST(WatchedWords, CaseAccentsAndPunctuationDoNotHideAWord) {
    const Strings watched = {"casino", "viagra", "poker"};
    EXPECT_EQ(watched_words_in("Le CASINO! et le casíno, encore.", watched), Strings{"casino"});
    EXPECT_EQ(watched_words_in("Viagra... et POKER", watched), (Strings{"viagra", "poker"}));
    // A stray byte that is not UTF-8 costs its own word, not the whole text.
    EXPECT_EQ(watched_words_in("\xff\xfe du casino \xc3", watched), Strings{"casino"});
}

TEST(WatchedWords, EntriesComeInTheListsOrderEachOnce) {
    const Strings watched = {"poker", "casino", "Casino", "roulette"};
    EXPECT_EQ(watched_words_in("casino, roulette, poker, casino", watched),
              (Strings{"poker", "casino", "roulette"}));
}

TEST(WatchedWords, OnlyWholeWordsMatch) {
    const Strings watched = {"class", "casino"};
    EXPECT_TRUE(watched_words_in("A new classroom and the casinos nearby", watched).empty());
    EXPECT_EQ(watched_words_in("A class of its own", watched), Strings{"class"});
}

TEST(WatchedWords, APhraseMatchesItsWordsInARow) {
    const Strings watched = {"argent facile"};
    EXPECT_EQ(watched_words_in("De l'ARGENT, facile !", watched), Strings{"argent facile"});
    EXPECT_TRUE(watched_words_in("de l'argent pas facile", watched).empty());
    EXPECT_TRUE(watched_words_in("facile argent", watched).empty());
}

TEST(WatchedWords, AnEmptyListFindsNothing) {
    EXPECT_TRUE(watched_words_in("casino viagra", {}).empty());
    EXPECT_TRUE(watched_words_in("casino viagra", {"", " !! "}).empty());
}

TEST(ProposalLanguage, RealParagraphsAreRecognised) {
    EXPECT_EQ(guess_language(french_paragraph), "fr");
    EXPECT_EQ(guess_language(english_paragraph), "en");
}

TEST(ProposalLanguage, ATitleIsTooShortToJudge) {
    EXPECT_EQ(guess_language("We ask the council to build safe cycle lanes"), std::nullopt);
    EXPECT_EQ(guess_language(""), std::nullopt);
}

TEST(ProposalLanguage, HalfAndHalfIsNotJudgedButAQuoteDoesNotChangeTheAnswer) {
    EXPECT_EQ(guess_language(std::string(french_paragraph) + " " + english_paragraph),
              std::nullopt);
    EXPECT_EQ(guess_language(std::string(french_paragraph) + " Comme ils disent : « the end of "
                                                             "the road »."),
              "fr");
}

TEST(TextSimilarity, SameTextIsOneAndEmptyIsZero) {
    EXPECT_DOUBLE_EQ(
        text_similarity("Sauvons le parc de la Tête d'Or", "Sauvons le parc de la Tête d'Or"), 1.0);
    EXPECT_DOUBLE_EQ(text_similarity("", ""), 0.0);
    EXPECT_DOUBLE_EQ(text_similarity("Sauvons le parc", ""), 0.0);
    EXPECT_DOUBLE_EQ(text_similarity("le la les de", "le la les de"), 0.0);
}

TEST(TextSimilarity, RewordedTitlesAreCloseAndUnrelatedOnesFar) {
    const auto close =
        text_similarity("Des pistes cyclables à Lyon", "Pour une piste cyclable à Lyon !");
    const auto related = text_similarity("Save the park from the developers",
                                         "Save our park: no car park for developers");
    const auto unrelated =
        text_similarity("Des pistes cyclables à Lyon", "Interdire le glyphosate en Bretagne");
    EXPECT_GE(close, 0.9);
    EXPECT_GT(related, 0.5);
    EXPECT_LT(related, close);
    EXPECT_EQ(unrelated, 0.0);
}

TEST(TextSimilarity, IsSymmetrical) {
    const char* a = "Non à la 5G dans les écoles de Lille";
    const char* b = "La 5G près des écoles : stop";
    EXPECT_DOUBLE_EQ(text_similarity(a, b), text_similarity(b, a));
    EXPECT_GT(text_similarity(a, b), 0.0);
    EXPECT_LT(text_similarity(a, b), 1.0);
}

TEST(ProposalChecks, ACleanProposalHasNoFlag) {
    const std::vector<PublishedText> others = {
        {1, "glyphosate", "Interdire le glyphosate en Bretagne", "", PetitionState::published}};
    EXPECT_TRUE(check_proposal(clean_proposal(), others, {}).empty());
}

TEST(ProposalChecks, EveryKindOfFlagComesInOrderWithItsValues) {
    ProposalText proposal = clean_proposal();
    proposal.body_markdown = std::string(english_paragraph) +
                             "\n\nSee [the map](https://a.example), www.b.example and "
                             "<https://c.example>. No casino, no Poker.";
    ProposalCheckRules rules;
    rules.watched_words = {"viagra", "poker", "casino"};
    const std::vector<PublishedText> others = {
        {7, "pistes-lyon", "Des pistes cyclables sûres à Lyon",
         "Pour les enfants qui vont à l'école à vélo", PetitionState::published}};

    const auto flags = check_proposal(proposal, others, rules);
    ASSERT_EQ(kinds_of(flags), (std::vector<ProposalFlagKind>{
                                   ProposalFlagKind::links, ProposalFlagKind::watched_words,
                                   ProposalFlagKind::language, ProposalFlagKind::near_duplicate}));
    EXPECT_EQ(flags[0].detail, "3 links");
    EXPECT_EQ(flags[0].values, Strings{"3"});
    EXPECT_EQ(flags[1].detail, "watched words: poker, casino");
    EXPECT_EQ(flags[1].values, (Strings{"poker", "casino"}));
    EXPECT_EQ(flags[2].detail, "written in en, declared fr");
    EXPECT_EQ(flags[2].values, Strings{"en"});
    EXPECT_EQ(flags[3].detail, "looks like /petitions/pistes-lyon (78 %)");
    EXPECT_EQ(flags[3].values, Strings{"pistes-lyon"});
    EXPECT_EQ(to_string(flags[3].kind), "near_duplicate");
}

TEST(ProposalChecks, LinksAreFlaggedFromTheLimitNotBefore) {
    ProposalText proposal = clean_proposal();
    ProposalCheckRules rules;
    rules.links_flagged_from = 3;
    proposal.body_markdown = "https://a.example https://b.example";
    EXPECT_TRUE(check_proposal(proposal, {}, rules).empty());
    proposal.body_markdown += " https://c.example https://d.example";
    const auto flags = check_proposal(proposal, {}, rules);
    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].detail, "4 links");
    EXPECT_EQ(flags[0].values, Strings{"4"});
    rules.links_flagged_from = 0;
    EXPECT_TRUE(check_proposal(proposal, {}, rules).empty());
}

TEST(ProposalChecks, NearDuplicatesAreSortedAndCapped) {
    ProposalText proposal{"Sauvons le parc de la Tête d'Or",
                          "Contre le parking au parc de la Tête d'Or", french_paragraph, "fr"};
    const std::vector<PublishedText> others = {
        {1, "parking-tete-or", "Non au parking du parc de la Tête d'Or", "",
         PetitionState::published},
        {2, "parc-tete-or", "Sauvons le parc de la Tête d'Or",
         "Contre le parking au parc de la Tête d'Or", PetitionState::rejected},
        {3, "glyphosate", "Interdire le glyphosate", "", PetitionState::published},
        {4, "tete-or", "Le parc de la Tête d'Or", "Contre le parking", PetitionState::closed},
    };
    ProposalCheckRules rules;
    rules.near_duplicate_from = 0.5;
    rules.near_duplicates_shown = 2;
    const auto flags = check_proposal(proposal, others, rules);
    ASSERT_EQ(flags.size(), 1u);
    EXPECT_EQ(flags[0].kind, ProposalFlagKind::near_duplicate);
    EXPECT_EQ(flags[0].values, (Strings{"parc-tete-or", "tete-or"}));
    EXPECT_EQ(flags[0].detail,
              "looks like /petitions/parc-tete-or (100 %, rejected), /petitions/tete-or (80 %, "
              "closed)");
    rules.near_duplicates_shown = 3;
    EXPECT_EQ(check_proposal(proposal, others, rules)[0].values,
              (Strings{"parc-tete-or", "tete-or", "parking-tete-or"}));
}

TEST(ProposalChecks, AShortProposalGetsNoLanguageFlag) {
    ProposalText proposal{"Save the park", "", "Please save the park.", "fr"};
    EXPECT_TRUE(check_proposal(proposal, {}, {}).empty());
    proposal.body_markdown = english_paragraph;
    ASSERT_EQ(check_proposal(proposal, {}, {}).size(), 1u);
    proposal.language = "en";
    EXPECT_TRUE(check_proposal(proposal, {}, {}).empty());
}

}  // namespace
}  // namespace rempart
