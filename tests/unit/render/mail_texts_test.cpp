// Tests for render/mail_texts: what of a signer's name the confirmation mail may repeat.
#include "render/mail_texts.hpp"

#include <gtest/gtest.h>

#include "site_fixture.hpp"
#include "support/contains.hpp"

namespace rempart::render {
namespace {

using rempart::testing::contains;

TEST(GreetingName, APersonIsGreetedByTheirFirstName) {
    EXPECT_EQ(greeting_name("Marie Curie"), "Marie");
    EXPECT_EQ(greeting_name("Jean-Pierre Léaud"), "Jean-Pierre");
    EXPECT_EQ(greeting_name("Ève"), "Ève");
    EXPECT_EQ(greeting_name("N’Golo Kanté"), "N’Golo");
    EXPECT_EQ(greeting_name("D'Artagnan"), "D'Artagnan");
    EXPECT_EQ(greeting_name("Zoë"), "Zoë");
    EXPECT_EQ(greeting_name("Zoe\xCC\x88 K"), "Zoe\xCC\x88");  // the accent as a mark (NFD)
    EXPECT_EQ(greeting_name("Дмитрий Шостакович"), "Дмитрий");
    EXPECT_EQ(greeting_name("明美"), "明美");
    EXPECT_EQ(greeting_name("محمد"), "محمد");
}

TEST(GreetingName, ALongFirstWordIsCutAtTwentyCharacters) {
    EXPECT_EQ(greeting_name(std::string(20, 'a')), std::string(20, 'a'));
    EXPECT_EQ(greeting_name(std::string(21, 'a')), std::string(20, 'a'));  // one past
    // Characters, not bytes: é is two.
    std::string accents;
    for (int i = 0; i < 30; ++i) accents += "é";
    std::string twenty;
    for (int i = 0; i < 20; ++i) twenty += "é";
    EXPECT_EQ(greeting_name(accents), twenty);
    // Cut just after a hyphen: the hyphen goes too.
    EXPECT_EQ(greeting_name("Marie-Christineeeeee-Louise"), "Marie-Christineeeeee");
    EXPECT_EQ(greeting_name("Marie-Christineeeee-Louise"), "Marie-Christineeeee");
}

TEST(GreetingName, LinksAddressesAndNumbersAreNeverRepeated) {
    for (const char* hostile : {
             "https://evil.example/login Marie",
             "http://evil.example",
             "evil.example/reset",
             "www.evil-bank.com",
             "wwwevil.com",
             "Marie.Curie",
             "evil.fr",
             "marie@evil.example",
             "Marie@",
             "+33612345678",
             "0612345678",
             "06.12.34.56.78",
             "Marie2",
             "Marie:",
             "Marie/",
             "Marie!",
             "Gagnez\xEF\xBC\x8E"
             "com",  // a full-width full stop
             "evil\xE3\x80\x82"
             "com",  // an ideographic full stop
             "ｗｗｗ．evil．com",
             "Marie\xE2\x80\x8B",  // a zero-width space
             "<b>Marie</b>",
             "-Marie",
             "'Marie",
             "Ma--rie",
             "\xCC\x88Marie",  // a mark before any letter
             "\xFF\xFE",       // not UTF-8
             "",
         })
        EXPECT_EQ(greeting_name(hostile), "") << hostile;
}

TEST(GreetingName, OnlyTheFirstWordIsLookedAt) {
    // The rest of the name is never repeated, whatever it holds.
    EXPECT_EQ(greeting_name("Marie rendez-vous sur https://evil.example appelez le 0612345678"),
              "Marie");
}

class ConfirmationMail : public testing::SiteFixture {};

TEST_F(ConfirmationMail, AHostileNameIsNotRepeatedAndTheMailGreetsWithoutIt) {
    const auto mail =
        confirmation_mail(*messages_, Language::fr, site_, "Des pistes",
                          "www.banque-en-ligne.example/verification Votre compte est suspendu",
                          "http://127.0.0.1:8080/s/abc");
    EXPECT_TRUE(mail.text.starts_with("Bonjour,\n")) << mail.text;
    EXPECT_TRUE(contains(mail.html, "<p>Bonjour,</p>"));
    for (const auto* part : {&mail.subject, &mail.text, &mail.html}) {
        EXPECT_FALSE(contains(*part, "banque")) << *part;
        EXPECT_FALSE(contains(*part, "suspendu")) << *part;
    }
    const auto english =
        confirmation_mail(*messages_, Language::en, site_, "T", "06 12 34 56 78", "http://x/s/y");
    EXPECT_TRUE(english.text.starts_with("Hello,\n")) << english.text;
    EXPECT_FALSE(contains(english.text, "06"));
}

TEST_F(ConfirmationMail, APersonIsGreetedByTheirFirstNameAndTheTitleStays) {
    const auto mail = confirmation_mail(*messages_, Language::en, site_, "Safe bike lanes",
                                        "Marie Curie", "http://x/s/y");
    EXPECT_TRUE(mail.text.starts_with("Hello Marie,\n")) << mail.text;
    EXPECT_FALSE(contains(mail.text, "Curie"));
    EXPECT_TRUE(contains(mail.text, "Safe bike lanes"));
    EXPECT_EQ(mail.subject, "Confirm your signature: Safe bike lanes");
}

class AdminMails : public testing::SiteFixture {};

TEST_F(AdminMails, TheIncidentAlertSaysWhyTheDefenceActedOneSentenceAParagraph) {
    IncidentAlert alert;
    alert.petition_title = "Vélo";
    alert.dimension = "comment";
    alert.attempts = 30;
    alert.window_total = 30;
    alert.networks = 3;
    alert.quarantined = 30;
    alert.incident_id = 4;
    alert.link = "http://x/admin/incidents/4";
    // One reason as the judgement keeps it, one sentence from before (escaped in HTML).
    alert.evidence = "robot_agents 30 30 attempts\nThese came from <3> networks.";
    const auto mail = incident_alert_mail(*messages_, Language::en, alert);
    EXPECT_TRUE(contains(mail.text,
                         "Why it acted:\n\n- 30 of these 30 attempts were sent by programs "
                         "that say they are not a web browser (no user agent, an HTTP library "
                         "or a headless browser).\n\n- These came from <3> networks.\n\n"))
        << mail.text;
    EXPECT_TRUE(contains(mail.html, "<p>- These came from &lt;3&gt; networks.</p>")) << mail.html;
    // In French for a French site.
    EXPECT_TRUE(contains(incident_alert_mail(*messages_, Language::fr, alert).text,
                         "30 de ces 30 tentatives ont été envoyées par des programmes"));
    // Before what was done, after what stood out.
    EXPECT_LT(mail.text.find("What stood out"), mail.text.find("Why it acted"));
    EXPECT_LT(mail.text.find("Why it acted"), mail.text.find("were quarantined"));

    alert.evidence.clear();  // an incident from before the defence wrote its reasons
    EXPECT_FALSE(contains(incident_alert_mail(*messages_, Language::en, alert).text, "Why"));
}

TEST_F(AdminMails, AReleaseSaysHowManyRealSignersCountAgainWhereAndByWhom) {
    ReleaseNotice notice;
    notice.petition_title = "Vélo";
    notice.incident_id = 4;
    notice.dimension = "email_domain";
    notice.value = "campus.example";
    notice.released = 1234;
    notice.by = "mod@example.org";
    notice.link = "http://x/admin/incidents/4";
    const auto mail = release_mail(*messages_, Language::en, notice);
    EXPECT_EQ(mail.subject, "Released on \"Vélo\": 1,234 real signers given back");
    EXPECT_TRUE(contains(mail.text,
                         "mod@example.org released signatures that the defence had "
                         "set aside on the petition \"Vélo\", in incident 4: 1,234 "
                         "real signers count again."))
        << mail.text;
    EXPECT_TRUE(contains(mail.text, "the mail domain campus.example"));
    EXPECT_TRUE(contains(mail.text, "These were real signers the defence had set aside."));
    EXPECT_TRUE(contains(mail.text, "http://x/admin/incidents/4"));
    EXPECT_FALSE(contains(mail.text, "by hand"));

    notice.released = 1;
    notice.kept_by_hand = 2;
    const auto one = release_mail(*messages_, Language::fr, notice);
    EXPECT_EQ(one.subject, "Libération sur « Vélo » : 1 vrai signataire rendu");
    EXPECT_TRUE(contains(one.text, "1 vrai signataire compte de nouveau.")) << one.text;
    EXPECT_TRUE(contains(one.text, "2 autres signatures qu'elle retenait restent invalidées"));
}

}  // namespace
}  // namespace rempart::render
