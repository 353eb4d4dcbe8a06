// Tests for the defence's reasons as sentences in the reader's language.
#include <gtest/gtest.h>

#include "render/evidence_text.hpp"
#include "site_fixture.hpp"

namespace rempart::render {
namespace {

class EvidenceText : public testing::SiteFixture {};

TEST_F(EvidenceText, EachReasonIsOneSentenceWithItsFiguresInTheReadersLanguage) {
    const std::string stored =
        "hosting 1234 1300 attempts\nfew_networks 1300 12 attempts\n"
        "scripted_confirmations 15 30 confirmations";
    const auto en = evidence_sentences(*messages_, Language::en, stored);
    ASSERT_EQ(en.size(), 3u);
    EXPECT_EQ(en[0],
              "1,234 of these 1,300 attempts came from data centres (hosting providers), where "
              "scripts run; VPNs run there too, so this alone is not enough to act.");
    EXPECT_EQ(en[1],
              "These 1,300 attempts came from only 12 networks; a campus or a company does this "
              "too, so it is not enough on its own.");
    EXPECT_NE(en[2].find("15 of the 30 signatures confirmed"), std::string::npos) << en[2];
    const auto fr = evidence_sentences(*messages_, Language::fr, stored);
    ASSERT_EQ(fr.size(), 3u);
    EXPECT_EQ(fr[0].rfind("1\u202f234 de ces 1\u202f300 tentatives venaient de centres de "
                          "données (hébergeurs)",
                          0),
              0u)
        << fr[0];
}

TEST_F(EvidenceText, ARepetitionSaysWhatRepeatedAndThatNothingWasSetAside) {
    const auto en = evidence_sentences(*messages_, Language::en, "repetition 80 320 comment");
    ASSERT_EQ(en.size(), 1u);
    EXPECT_EQ(en[0],
              "One comment came back 80 times (25 % of the window) with no sign of automation: "
              "real crowds repeat too (a suggested comment, an association's own domain), so "
              "nothing was set aside.");
    const auto fr = evidence_sentences(*messages_, Language::fr, "repetition 80 320 email_domain");
    EXPECT_EQ(fr[0].rfind("Un même domaine de courriel, 80 fois (25 % de la fenêtre)", 0), 0u)
        << fr[0];
}

TEST_F(EvidenceText, ConfirmationsWithinSecondsReadAsSuch) {
    const auto en =
        evidence_sentences(*messages_, Language::en, "instant_proofs 30 30 confirmations");
    EXPECT_EQ(en.at(0),
              "30 of these 30 confirmations came within seconds of the mail: a script reading "
              "the mailbox, not a person opening it.");
}

// Every subject and signal the judgement can write has its words in both languages.
TEST_F(EvidenceText, EverySignalAndSubjectHasItsWords) {
    for (const auto* subject : {"name", "comment", "email_domain", "network", "as", "user_agent",
                                "confirm_network", "automation"})
        for (const auto language : {Language::en, Language::fr}) {
            const auto s = evidence_sentences(*messages_, language,
                                              std::string("repetition 30 90 ") + subject);
            EXPECT_EQ(s.at(0).find("evidence."), std::string::npos) << s[0];
        }
    for (const auto* signal :
         {"hosting", "unlisted", "robot_agents", "instant_proofs", "confirmations_from_hosting",
          "scripted_confirmations", "few_networks"})
        for (const auto language : {Language::en, Language::fr}) {
            const auto s =
                evidence_sentences(*messages_, language, std::string(signal) + " 30 40 attempts");
            EXPECT_EQ(s.at(0).find("evidence."), std::string::npos) << s[0];
            EXPECT_EQ(s.at(0).find('{'), std::string::npos) << s[0];
        }
}

TEST_F(EvidenceText, LinesFromBeforeAreShownAsWrittenAndBlankOnesSkipped) {
    const auto lines = evidence_sentences(
        *messages_, Language::fr, "An old sentence, as it was stored.\n\nhosting 2 3 attempts");
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "An old sentence, as it was stored.");
}

}  // namespace
}  // namespace rempart::render
