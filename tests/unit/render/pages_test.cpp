// Tests for render/pages: every page in both languages, as a visitor would read it.
#include "render/pages.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "core/embedded.hpp"
#include "html_scan.hpp"
#include "site_fixture.hpp"
#include "support/contains.hpp"
#include "support/source_files.hpp"

namespace rempart::render {
namespace {

using rempart::testing::contains;

class Pages : public testing::SiteFixture {
  protected:
    std::vector<std::string> every_page(Language language) {
        auto open = petition("pistes", "Des pistes", "Texte");
        open.goal = 1500;
        open.signature_count = 12;
        const Petition* list[] = {&open};
        return {render_home(view(), language, list),     render_home(view(), language, {}),
                render_petition(view(), language, open), render_privacy(view(), language, {}),
                render_terms(view(), language),          render_error(view(), language, 404)};
    }
};

TEST_F(Pages, EveryPageRendersInBothLanguages) {
    for (const auto language : all_languages) {
        const std::string lang(code(language));
        for (const auto& html : every_page(language)) {
            EXPECT_TRUE(html.starts_with("<!doctype html>\n<html lang=\"" + lang + "\">"));
            EXPECT_TRUE(contains(html, "<meta name=\"viewport\""));
            EXPECT_TRUE(contains(html, "href=\"" + std::string(assets_->url("pico.css")) + "\""));
            EXPECT_TRUE(
                contains(html, "href=\"" + std::string(assets_->url("rempart.css")) + "\""));
            EXPECT_TRUE(contains(html, "href=\"/privacy\""));
            EXPECT_TRUE(contains(html, "href=\"/terms\""));
            EXPECT_FALSE(contains(html, "{{"));  // nothing left unrendered
            EXPECT_FALSE(std::regex_search(html, std::regex("\\{[a-z_]+\\}")));  // placeholders
            for (const auto& danger : testing::dangers_in(html)) ADD_FAILURE() << danger;
        }
    }
}

TEST_F(Pages, EachPageHasExactlyOneHeadingOne) {
    for (const auto language : all_languages)
        for (const auto& html : every_page(language)) {
            const auto tags = testing::tags_of(html);
            EXPECT_EQ(
                std::count_if(tags.begin(), tags.end(),
                              [](const auto& tag) { return tag.name == "h1" && !tag.closing; }),
                1);
        }
}

// Links may lead elsewhere (sharing a petition does); nothing a page loads by itself may.
TEST_F(Pages, NoPageLoadsAnythingFromAnotherSite) {
    std::size_t loads = 0;
    for (const auto language : all_languages)
        for (const auto& html : every_page(language))
            for (const auto& tag : testing::tags_of(html)) {
                if (tag.closing || tag.name == "a" || testing::is_our_canonical(tag)) continue;
                for (const auto& [name, value] : tag.attributes)
                    if (testing::is_url_attribute(name)) {
                        ++loads;
                        EXPECT_TRUE(value.starts_with("/") && !value.starts_with("//")) << tag.raw;
                    }
            }
    // Stylesheets, icons, scripts and form actions on every page: none found is a broken scan.
    EXPECT_GT(loads, 20u);
}

TEST_F(Pages, LanguageSwitchLinksComeBackToThePage) {
    const auto html = render_petition(view(), Language::fr, petition("pistes-cyclables", "T", "B"));
    EXPECT_TRUE(contains(html, "href=\"/lang/en?next=%2Fpetitions%2Fpistes-cyclables\""));
    EXPECT_TRUE(contains(html, "href=\"/lang/fr?next=%2Fpetitions%2Fpistes-cyclables\""));
    EXPECT_TRUE(contains(html, "lang=\"en\" hreflang=\"en\">English</a>"));
    EXPECT_TRUE(contains(html, "hreflang=\"fr\" aria-current=\"true\">Français</a>"));
    EXPECT_TRUE(contains(render_privacy(view(), Language::en, {}), "/lang/fr?next=%2Fprivacy\""));
    EXPECT_TRUE(contains(render_home(view(), Language::en, {}), "/lang/fr?next=%2F\""));
}

TEST_F(Pages, HomeListsPetitionsWithCountGoalAndProgress) {
    auto first = petition("pistes", "Des pistes", "x");
    first.summary = "Pour l'école";
    first.goal = 1500;
    first.signature_count = 1234;
    auto second = petition("arbres", "Des arbres", "x");
    second.signature_count = 1;
    const Petition* list[] = {&first, &second};
    const auto fr = render_home(view(), Language::fr, list);
    EXPECT_TRUE(contains(fr, "<a href=\"/petitions/pistes\">Des pistes</a>"));
    EXPECT_TRUE(contains(fr, "<a href=\"/petitions/arbres\">Des arbres</a>"));
    EXPECT_TRUE(contains(fr, "Pour l&apos;école"));
    EXPECT_TRUE(contains(fr, "1\u202f234 signatures"));
    EXPECT_TRUE(contains(fr, "Objectif\u00a0: 1\u202f500 signatures"));
    EXPECT_TRUE(contains(fr, "<progress value=\"1234\" max=\"1500\""));
    EXPECT_TRUE(contains(fr, "82\u202f% de l&apos;objectif"));
    EXPECT_TRUE(contains(fr, "<strong>1 signature</strong>"));
    // A petition without a goal has no bar and no empty paragraph.
    EXPECT_EQ(fr.find("<progress"), fr.rfind("<progress"));
    EXPECT_FALSE(contains(fr, "<p></p>"));
    const auto en = render_home(view(), Language::en, list);
    EXPECT_TRUE(contains(en, "1,234 signatures"));
    EXPECT_TRUE(contains(en, "Goal: 1,500 signatures"));
    EXPECT_TRUE(contains(en, "82% of the goal"));
}

TEST_F(Pages, HomeSaysWhenNothingIsOpen) {
    EXPECT_TRUE(contains(render_home(view(), Language::fr, {}),
                         "Aucune pétition ouverte pour l&apos;instant."));
    EXPECT_TRUE(contains(render_home(view(), Language::en, {}), "No open petitions yet."));
}

TEST_F(Pages, APetitionInEnglishSaysSoOnItsOwnTextOnly) {
    auto english = petition("bikes", "Safe bike lanes", "We ask for **lanes**.");
    english.summary = "Lanes now";
    english.language = "en";
    const auto html = render_petition(view(), Language::fr, english);
    EXPECT_TRUE(contains(html, "<html lang=\"fr\">"));  // the interface stays French
    EXPECT_TRUE(contains(html, "<h1 lang=\"en\">Safe bike lanes</h1>"));
    EXPECT_TRUE(contains(html, "<p class=\"summary\" lang=\"en\">Lanes now</p>"));
    EXPECT_TRUE(contains(html, "<div class=\"petition-body\" lang=\"en\">"));
}

TEST_F(Pages, PetitionPageShowsTitleBodyAndSigningPlace) {
    auto open = petition("pistes", "Des pistes", "# Pourquoi\n\nDes **pistes**.");
    open.summary = "Résumé";
    const auto html = render_petition(view(), Language::fr, open);
    EXPECT_TRUE(contains(html, "<title>Des pistes · Rempart</title>"));
    EXPECT_TRUE(contains(html, "<h1 lang=\"fr\">Des pistes</h1>"));
    EXPECT_TRUE(contains(html, "<h2>Pourquoi</h2>"));
    EXPECT_TRUE(contains(html, "<strong>pistes</strong>"));
    EXPECT_TRUE(contains(html, "0 signature"));
    EXPECT_TRUE(contains(html, "id=\"sign\""));
    EXPECT_FALSE(contains(html, "Cette pétition est close"));
}

TEST_F(Pages, AClosedPetitionSaysSoAndHasNoSigningPlace) {
    auto closed = petition("pistes", "Des pistes", "x");
    closed.state = PetitionState::closed;
    const auto html = render_petition(view(), Language::fr, closed);
    EXPECT_TRUE(contains(html, "Cette pétition est close"));
    EXPECT_FALSE(contains(html, "id=\"sign\""));
    EXPECT_TRUE(contains(render_petition(view(), Language::en, closed), "This petition is closed"));
}

TEST_F(Pages, ProgressPastTheGoalFillsTheBarAndSaysHowFar) {
    auto done = petition("p", "T", "x");
    done.goal = 100;
    done.signature_count = 250;
    const auto html = render_petition(view(), Language::en, done);
    EXPECT_TRUE(contains(html, "<progress value=\"100\" max=\"100\""));
    EXPECT_TRUE(contains(html, "250% of the goal"));
}

TEST_F(Pages, PetitionPageEscapesTheTitle) {
    const auto html =
        render_petition(view(), Language::fr, petition("p", "<i>Vite</i> & \"bien\"", "x"));
    EXPECT_TRUE(
        contains(html, "<h1 lang=\"fr\">&lt;i&gt;Vite&lt;/i&gt; &amp; &quot;bien&quot;</h1>"));
    EXPECT_TRUE(contains(html, "<title>&lt;i&gt;Vite"));
}

TEST_F(Pages, ASharedPetitionShowsItsCardAsALargeImage) {
    SiteView shared = view();
    shared.base_url = "https://petitions.example.org";
    auto open = petition("pistes", "Des pistes", "x");
    const auto html = render_petition(shared, Language::fr, open);
    const std::string image = "https://petitions.example.org/petitions/pistes/card.png";
    EXPECT_TRUE(contains(html, "<meta property=\"og:image\" content=\"" + image + "\">"));
    EXPECT_TRUE(contains(html, "<meta property=\"og:image:width\" content=\"1200\">"));
    EXPECT_TRUE(contains(html, "<meta property=\"og:image:height\" content=\"630\">"));
    EXPECT_TRUE(contains(html, "<meta name=\"twitter:image\" content=\"" + image + "\">"));
    EXPECT_TRUE(contains(html, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    EXPECT_FALSE(contains(html, "content=\"summary\""));
    // An archived petition is not to be spread: its page keeps the small card, no picture.
    open.state = PetitionState::archived;
    const auto archived = render_petition(shared, Language::fr, open);
    EXPECT_FALSE(contains(archived, "og:image"));
    EXPECT_FALSE(contains(archived, "twitter:image"));
    EXPECT_TRUE(contains(archived, "<meta name=\"twitter:card\" content=\"summary\">"));
}

TEST_F(Pages, PrivacyNamesWhoAndWhatFromTheSettings) {
    site_.name = "Vélo Cité";
    site_.controller = "Association Vélo Cité";
    site_.contact_email = "rgpd@velo.example";
    site_.postal_address = "1 rue des Roues, 75000 Paris";
    site_.hosting_provider = "Hébergeur Coop";
    site_.privacy_version = "2026-03-01";
    const auto fr = render_privacy(view(), Language::fr, {});
    for (const char* part :
         {"Le responsable du traitement de vos données est Association Vélo Cité.",
          "1 rue des Roues, 75000 Paris", "mailto:rgpd@velo.example", "Hébergeur Coop",
          "Version du 2026-03-01", "adresse IP", "code postal", "commentaire", "puis 183 jours",
          "anonymisée", "article 15", "article 21", "CNIL"})
        EXPECT_TRUE(contains(fr, part)) << part;
    const auto en = render_privacy(view(), Language::en, {});
    for (const char* part :
         {"The controller of your data is Association Vélo Cité.", "IP address", "postcode",
          "then 183 days", "anonymised", "article 15", "article 21", "supervisory authority"})
        EXPECT_TRUE(contains(en, part)) << part;
}

TEST_F(Pages, PrivacyGivesEveryRetentionPeriodInForce) {
    RetentionSettings retention;
    retention.unconfirmed_days = 12;
    retention.after_close_days = 1461;
    retention.addresses_days = 7;
    retention.events_days = 45;
    retention.evidence_days = 400;
    retention.mail_days = 9;
    const auto en = render_privacy(view(), Language::en, {retention, 72});
    for (const char* part :
         {"erased, with its link, after 12 days", "then 1,461 days", "as they are for 7 days",
          "deleted after 45 days", "then 400 days", "outbox for 9 days",
          "a copy for 72 hours at most"})
        EXPECT_TRUE(contains(en, part)) << part;
    EXPECT_FALSE(contains(en, "{days}"));
    const auto fr = render_privacy(view(), Language::fr, {retention, 72});
    EXPECT_TRUE(contains(fr, "au bout de 12 jours")) << fr;
    EXPECT_FALSE(contains(fr, "{"));
}

TEST_F(Pages, PrivacyWithoutSettingsSaysWhatIsMissing) {
    site_.controller = "";
    site_.contact_email = "";
    site_.hosting_provider = "";
    const auto html = render_privacy(view(), Language::fr, {});
    EXPECT_TRUE(contains(html, "pas encore indiqué le responsable"));
    EXPECT_FALSE(contains(html, "mailto:"));
    EXPECT_FALSE(contains(html, "hébergé par"));
    EXPECT_FALSE(contains(html, "<p></p>"));
}

TEST_F(Pages, TermsNameThePublisherAndVersion) {
    site_.name = "Vélo Cité";
    site_.controller = "Association Vélo Cité";
    site_.hosting_provider = "Hébergeur Coop";
    site_.terms_version = "2026-04-02";
    const auto html = render_terms(view(), Language::fr);
    EXPECT_TRUE(contains(html, "Version du 2026-04-02"));
    EXPECT_TRUE(contains(html, "Vélo Cité — Association Vélo Cité"));
    EXPECT_TRUE(contains(html, "Hébergeur Coop"));
    EXPECT_TRUE(contains(html, "href=\"/privacy\""));
    EXPECT_TRUE(contains(render_terms(view(), Language::en), "Version of 2026-04-02"));
}

TEST_F(Pages, ErrorPagesSayWhatHappenedAndWhatToDo) {
    const auto fr = render_error(view(), Language::fr, 404);
    EXPECT_TRUE(contains(fr, "<h1>Page introuvable</h1>"));
    EXPECT_TRUE(contains(fr, "<p>404</p>"));
    EXPECT_TRUE(contains(fr, "href=\"/\" role=\"button\""));
    EXPECT_TRUE(contains(render_error(view(), Language::en, 429), "Too many requests"));
}

TEST_F(Pages, AStatusWithoutItsOwnWordsGetsTheGeneralOnes) {
    const auto html = render_error(view(), Language::en, 418);
    EXPECT_TRUE(contains(html, "<h1>Internal error</h1>"));
    EXPECT_TRUE(contains(html, "<p>418</p>"));
}

TEST(Templates, NoInlineScriptOrStyle) {
    static const std::regex inline_script("<script(?![^>]*\\ssrc=)[^>]*>", std::regex::icase);
    std::size_t scanned = 0;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        ++scanned;
        const std::string text(file.bytes);
        EXPECT_FALSE(std::regex_search(text, inline_script)) << file.path;
        EXPECT_FALSE(contains(text, "style=")) << file.path;
        EXPECT_FALSE(contains(text, "<style")) << file.path;
        EXPECT_FALSE(std::regex_search(text, std::regex("\\son[a-z]+="))) << file.path;
        EXPECT_FALSE(contains(text, "http://")) << file.path;
        EXPECT_FALSE(contains(text, "https://")) << file.path;
    }
    // An empty embedding would pass every check above: each template on disk was scanned.
    const auto on_disk = rempart::testing::count_source_files("templates", ".mustache");
    EXPECT_GT(on_disk, 0u);
    EXPECT_GE(scanned, on_disk);
}

TEST(Templates, AllLoadAtStart) {
    const auto templates = Templates::load();
    EXPECT_TRUE(templates.ok()) << templates.error().detail;
}

}  // namespace
}  // namespace rempart::render
