// Tests for the signing form on the petition page, and the thanks and confirmation pages.
#include <gtest/gtest.h>

#include "html_scan.hpp"
#include "render/mail_texts.hpp"
#include "site_fixture.hpp"
#include "support/contains.hpp"

namespace rempart::render {
namespace {

using signatures::FieldError;
using signatures::SignatureState;
using signatures::SigningForm;

using rempart::testing::contains;

class SigningPages : public testing::SiteFixture {
  protected:
    Petition open() const {
        auto p = petition("pistes", "Des pistes", "Texte");
        p.id = 1;
        return p;
    }
};

TEST_F(SigningPages, TheFormHasEveryFieldOfTheContract) {
    const auto html = render_petition(view(), Language::fr, open());
    EXPECT_TRUE(contains(html, "action=\"/petitions/pistes/sign\""));
    for (const char* field : {"name=\"name\"", "name=\"email\"", "name=\"postcode\"",
                              "name=\"comment\"", "name=\"public_name\"", "name=\"newsletter\"",
                              "name=\"accept_terms\"", "name=\"altcha\""})
        EXPECT_TRUE(contains(html, field)) << field;
    EXPECT_TRUE(contains(html, "<altcha-widget challenge=\"/altcha/challenge?petition=pistes\""));
    EXPECT_TRUE(contains(html, "href=\"/terms\""));
    EXPECT_TRUE(contains(html, "href=\"/privacy\""));
    EXPECT_TRUE(contains(html, "<noscript>"));
    // The newsletter box is never ticked for the signer.
    EXPECT_FALSE(contains(html, "name=\"newsletter\" type=\"checkbox\" value=\"1\" checked"));
    EXPECT_TRUE(testing::dangers_in(html).empty());
}

TEST_F(SigningPages, EveryFieldHasALabel) {
    for (const auto language : {Language::fr, Language::en}) {
        const auto html = render_petition(view(), language, open());
        for (const char* id :
             {"name", "email", "postcode", "comment", "public_name", "newsletter", "accept_terms"})
            EXPECT_TRUE(contains(html, "<label for=\"" + std::string(id) + "\">")) << id;
    }
}

TEST_F(SigningPages, WidgetAndItsWorkerComeFromOurFiles) {
    const auto html = render_petition(view(), Language::en, open());
    EXPECT_TRUE(contains(html, "data-worker=\"/static/altcha-sha."));
    EXPECT_TRUE(contains(html, "<script type=\"module\" src=\"/static/altcha."));
    EXPECT_TRUE(contains(html, "<script type=\"module\" src=\"/static/signing."));
    EXPECT_TRUE(contains(html, "<link rel=\"stylesheet\" href=\"/static/altcha."));
    // The widget speaks French on French pages.
    EXPECT_TRUE(contains(render_petition(view(), Language::fr, open()), "language=\"fr-fr\""));
}

TEST_F(SigningPages, AClosedPetitionLoadsNoWidget) {
    auto closed = open();
    closed.state = PetitionState::closed;
    const auto html = render_petition(view(), Language::fr, closed);
    EXPECT_FALSE(contains(html, "altcha"));
}

TEST_F(SigningPages, ErrorsStandBesideTheirFieldsAndTheInputIsKept) {
    SigningForm form;
    form.name = "Marie";
    form.email = "marie@";
    form.postcode = "7500";
    form.comment = "Bravo";
    form.public_name = true;
    form.newsletter = true;
    SigningFormView form_view{&form,
                              {{"email", "sign.email_invalid"},
                               {"postcode", "sign.postcode_invalid"},
                               {"accept_terms", "sign.terms_required"}}};
    const auto html = render_petition(view(), Language::en, open(), form_view);
    EXPECT_TRUE(contains(html, "role=\"alert\""));
    EXPECT_TRUE(contains(html, "value=\"Marie\""));
    EXPECT_TRUE(contains(html, "value=\"marie@\""));
    EXPECT_TRUE(contains(html, "value=\"7500\""));
    EXPECT_TRUE(contains(html, ">Bravo</textarea>"));
    EXPECT_TRUE(contains(
        html, "id=\"public_name\" name=\"public_name\" type=\"checkbox\" value=\"1\" checked"));
    EXPECT_TRUE(contains(
        html, "id=\"email-error\" class=\"field-error\">This e-mail address is not valid"));
    EXPECT_TRUE(
        contains(html, "aria-describedby=\"email-hint email-error\" aria-invalid=\"true\""));
    EXPECT_TRUE(contains(html, "id=\"postcode-error\""));
    EXPECT_TRUE(contains(html, "id=\"accept_terms-error\""));
    EXPECT_FALSE(contains(html, "id=\"name-error\""));
    EXPECT_TRUE(contains(html, "<a href=\"#email\">"));
}

TEST_F(SigningPages, TypedInputIsEscapedWhenShownAgain) {
    SigningForm form;
    form.name = "\"><script>alert(1)</script>";
    form.comment = "</textarea><img src=x onerror=alert(1)>";
    form.email = "a@b.c\" autofocus onfocus=\"alert(1)";
    SigningFormView form_view{&form, {{"email", "sign.email_invalid"}}};
    const auto html = render_petition(view(), Language::fr, open(), form_view);
    EXPECT_TRUE(testing::dangers_in(html).empty());
}

TEST_F(SigningPages, ANoticeGreetsTheReturningSigner) {
    const auto html = render_petition(view(), Language::en, open(), {}, "sign.confirmed_notice");
    EXPECT_TRUE(contains(html, "your signature is confirmed and counted"));
}

TEST_F(SigningPages, TheThanksPageSaysToCheckTheMailbox) {
    EXPECT_TRUE(
        contains(render_thanks(view(), Language::fr, open()), "Consultez votre messagerie"));
    EXPECT_TRUE(contains(render_thanks(view(), Language::en, open()), "Check your mailbox"));
}

TEST_F(SigningPages, TheLinkPageConfirmsByButtonNotByVisit) {
    const std::string token(43, 'a');
    const auto pending =
        render_confirm(view(), Language::en, open(), token, SignatureState::pending);
    EXPECT_TRUE(contains(pending, "<form method=\"post\" action=\"/s/" + token + "/confirm\">"));
    EXPECT_TRUE(contains(pending, "action=\"/s/" + token + "/withdraw\""));
    const auto confirmed =
        render_confirm(view(), Language::en, open(), token, SignatureState::confirmed);
    EXPECT_FALSE(contains(confirmed, "/confirm\""));
    EXPECT_TRUE(contains(confirmed, "/withdraw\""));
    const auto withdrawn =
        render_confirm(view(), Language::fr, open(), token, SignatureState::withdrawn);
    EXPECT_FALSE(contains(withdrawn, "/withdraw\""));
    EXPECT_TRUE(contains(withdrawn, "retirée"));
    // The language switch must not copy the token into another URL.
    EXPECT_FALSE(contains(pending, "next=%2Fs%2F"));
    for (const auto& page : {pending, confirmed, withdrawn})
        EXPECT_TRUE(testing::dangers_in(page).empty());
}

TEST_F(SigningPages, TheConfirmationMailCarriesTheLinkInBothParts) {
    site_.name = "Rempart <Test>";
    const auto mail = confirmation_mail(*messages_, Language::fr, site_, "Des <pistes>",
                                        "Marie \"M\" <b>", "http://127.0.0.1:8080/s/abc");
    EXPECT_EQ(mail.subject, "Confirmez votre signature : Des <pistes>");
    // Of the name, the first word only.
    EXPECT_TRUE(contains(mail.text, "Bonjour Marie,"));
    EXPECT_FALSE(contains(mail.text, "<b>"));
    EXPECT_TRUE(contains(mail.text, "\nhttp://127.0.0.1:8080/s/abc\n"));
    EXPECT_TRUE(contains(mail.html, "href=\"http://127.0.0.1:8080/s/abc\""));
    EXPECT_TRUE(contains(mail.html, "<p>Bonjour Marie,</p>"));
    EXPECT_TRUE(contains(mail.html, "Des &lt;pistes&gt;"));
    EXPECT_FALSE(contains(mail.html, "<b>"));
    EXPECT_TRUE(contains(mail.html, "lang=\"fr\""));
    const auto english =
        confirmation_mail(*messages_, Language::en, site_, "T", "N", "http://x/s/y");
    EXPECT_EQ(english.subject, "Confirm your signature: T");
}

TEST_F(SigningPages, TheIncidentAlertSaysWhatHappenedAndWhatWasDone) {
    IncidentAlert alert;
    alert.petition_title = "Des <pistes>";
    alert.dimension = "email_domain";
    alert.value = "catch-all.example";
    alert.attempts = 300;
    alert.window_total = 1234;
    alert.networks = 17;
    alert.quarantined = 1500;
    alert.held_until = 1795000000;
    alert.incident_id = 7;
    const auto fr = incident_alert_mail(*messages_, Language::fr, alert);
    EXPECT_EQ(fr.subject, "Incident sur « Des <pistes> » : 1\u202f500 signatures mises de côté");
    EXPECT_TRUE(contains(fr.text, "le domaine de messagerie catch-all.example"));
    EXPECT_TRUE(contains(fr.text, "jusqu'à 2026-11-18 11:06 (UTC)"));
    EXPECT_TRUE(contains(fr.html, "Des &lt;pistes&gt;"));
    const auto en = incident_alert_mail(*messages_, Language::en, alert);
    EXPECT_TRUE(contains(en.text, "Incident number: 7."));
    EXPECT_TRUE(contains(en.text, "in 300 of the last 1,234 attempts, from 17 networks"));
}

TEST_F(SigningPages, TheLoginAlertSaysWhichAccountHowOftenAndWhatToDo) {
    LoginAlert alert;
    alert.account = "ana@example.org";
    alert.failures = 20;
    alert.networks = 3;
    alert.max_minutes = 60;
    alert.kept_hours = 24;
    alert.link = "https://petitions.example.org/admin/audit";
    const auto en = login_alert_mail(*messages_, Language::en, alert);
    EXPECT_EQ(en.subject, "Login attempts on ana@example.org: 20 failures");
    EXPECT_TRUE(contains(en.text, "20 times in a row, from 3 networks"));
    EXPECT_TRUE(contains(en.text, "up to 60 minutes"));
    EXPECT_TRUE(contains(en.text, "rempart user reset-password --email ana@example.org"));
    EXPECT_TRUE(contains(en.text, "rempart user totp --email ana@example.org"));
    EXPECT_TRUE(contains(en.text, "https://petitions.example.org/admin/audit"));
    EXPECT_TRUE(contains(en.html, "lang=\"en\""));
    const auto fr = login_alert_mail(*messages_, Language::fr, alert);
    EXPECT_EQ(fr.subject, "Tentatives de connexion sur ana@example.org : 20 échecs");
    EXPECT_TRUE(contains(fr.text, "24 heures sans échec"));
}

}  // namespace
}  // namespace rempart::render
