// Classic XSS payloads in petition titles, summaries and bodies: none comes out executable.
#include <gtest/gtest.h>

#include <regex>

#include "core/config.hpp"
#include "core/embedded.hpp"
#include "render/pages.hpp"

namespace rempart::render {
namespace {

const std::vector<std::string>& payloads() {
    static const std::vector<std::string> list = {
        "<script>alert(1)</script>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script src=https://evil.example/x.js></script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=javascript:alert(1)></iframe>",
        "<object data=javascript:alert(1)>",
        "<embed src=javascript:alert(1)>",
        "<a href=\"javascript:alert(1)\">clic</a>",
        "<a href=\"&#106;avascript:alert(1)\">clic</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">clic</a>",
        "<a href=\" javascript:alert(1)\">clic</a>",
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[clic](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "[clic][ref]\n\n[ref]: javascript:alert(1)",
        "\"><script>alert(1)</script>",
        "'onmouseover='alert(1)",
        "\" onfocus=\"alert(1)\" autofocus=\"",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<details open ontoggle=alert(1)>",
        "{{#t}}{{{t}}}{{/t}} {{=<% %>=}} <%site_name%>",
        "![x](javascript:alert(1))",
        "<form action=javascript:alert(1)><button>x</button></form>",
    };
    return list;
}

// What must never appear in a page built from user text.
void expect_nothing_executable(const std::string& html, const std::string& payload) {
    static const std::regex script("<\\s*script", std::regex::icase);
    static const std::regex event_attribute("<[^>]*\\son[a-z]+\\s*=", std::regex::icase);
    static const std::regex bad_url(
        "<[^>]*\\s(href|src|action|formaction|data|xlink:href)\\s*=\\s*[\"']?\\s*(javascript|"
        "vbscript|data):",
        std::regex::icase);
    static const std::regex bad_tag(
        "<\\s*(iframe|object|embed|style|svg|math|base|form|details|img)\\b", std::regex::icase);
    static const std::regex style_attribute("<[^>]*\\sstyle\\s*=", std::regex::icase);
    static const std::regex meta_refresh("<meta[^>]*http-equiv", std::regex::icase);
    EXPECT_FALSE(std::regex_search(html, script)) << payload;
    EXPECT_FALSE(std::regex_search(html, event_attribute)) << payload;
    EXPECT_FALSE(std::regex_search(html, bad_url)) << payload;
    EXPECT_FALSE(std::regex_search(html, bad_tag)) << payload;
    EXPECT_FALSE(std::regex_search(html, style_attribute)) << payload;
    EXPECT_FALSE(std::regex_search(html, meta_refresh)) << payload;
    // Our own two stylesheets and icon only; text that mentions another site stays text.
    static const std::regex foreign_link("<link[^>]*href=\"(?!/static/)", std::regex::icase);
    EXPECT_FALSE(std::regex_search(html, foreign_link)) << payload;
    EXPECT_EQ(html.find("<body"), html.rfind("<body")) << payload;
}

class Xss : public ::testing::Test {
  protected:
    void SetUp() override {
        auto messages = Messages::load();
        ASSERT_TRUE(messages.ok());
        messages_ = std::move(*messages);
        auto templates = Templates::load();
        ASSERT_TRUE(templates.ok()) << templates.error().detail;
        templates_ = std::move(*templates);
        assets_ = StaticAssets::load();
        view_ = std::make_unique<SiteView>(SiteView{site_, *messages_, *templates_, *assets_});
    }
    SiteConfig site_;
    std::unique_ptr<Messages> messages_;
    std::unique_ptr<Templates> templates_;
    std::unique_ptr<StaticAssets> assets_;
    std::unique_ptr<SiteView> view_;
};

TEST_F(Xss, PayloadsInEveryPetitionFieldStayInert) {
    for (const auto& payload : payloads()) {
        Petition petition;
        petition.slug = "xss";
        petition.title = payload;
        petition.summary = payload;
        petition.body_markdown = "Avant\n\n" + payload + "\n\nAprès " + payload;
        petition.goal = 10;
        const Petition* list[] = {&petition};
        for (const auto language : {Language::fr, Language::en}) {
            expect_nothing_executable(render_petition(*view_, language, petition), payload);
            expect_nothing_executable(render_home(*view_, language, list), payload);
        }
    }
}

TEST_F(Xss, TheTitleIsShownAsTyped) {
    Petition petition;
    petition.slug = "xss";
    petition.title = "<b>Bold</b> & \"quotes\"";
    petition.body_markdown = "x";
    const auto html = render_petition(*view_, Language::fr, petition);
    EXPECT_NE(html.find("<h1>&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quotes&quot;</h1>"),
              std::string::npos);
}

TEST_F(Xss, SiteSettingsAreEscapedToo) {
    site_.name = "<script>alert(1)</script>";
    site_.controller = "\"><img src=x onerror=alert(1)>";
    for (const auto language : {Language::fr, Language::en}) {
        expect_nothing_executable(render_privacy(*view_, language), site_.name);
        expect_nothing_executable(render_terms(*view_, language), site_.name);
        expect_nothing_executable(render_error(*view_, language, 404), site_.name);
    }
}

TEST(Templates, TripleMustachesOnlyForHtmlWeProduced) {
    static const std::regex triple("\\{\\{\\{\\s*([a-zA-Z0-9_.]+)\\s*\\}\\}\\}");
    static const std::regex ampersand("\\{\\{&");
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        const std::string text(file.bytes);
        EXPECT_FALSE(std::regex_search(text, ampersand)) << file.path;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), triple);
             it != std::sregex_iterator(); ++it)
            EXPECT_TRUE((*it)[1].str().ends_with("_html")) << file.path << ": " << (*it)[0];
    }
}

TEST(Templates, NoInlineScriptOrStyle) {
    static const std::regex inline_script("<script(?![^>]*\\ssrc=)[^>]*>", std::regex::icase);
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        const std::string text(file.bytes);
        EXPECT_FALSE(std::regex_search(text, inline_script)) << file.path;
        EXPECT_EQ(text.find("style="), std::string::npos) << file.path;
        EXPECT_EQ(text.find("<style"), std::string::npos) << file.path;
    }
}

TEST_F(Xss, EveryPageRendersInBothLanguages) {
    Petition petition;
    petition.slug = "p";
    petition.title = "T";
    petition.body_markdown = "B";
    for (const auto language : {Language::fr, Language::en}) {
        const std::string lang = language == Language::fr ? "fr" : "en";
        for (const auto& html :
             {render_home(*view_, language, {}), render_petition(*view_, language, petition),
              render_privacy(*view_, language), render_terms(*view_, language),
              render_error(*view_, language, 500)}) {
            EXPECT_NE(html.find("<html lang=\"" + lang + "\">"), std::string::npos);
            EXPECT_NE(html.find(std::string(assets_->url("pico.css"))), std::string::npos);
            EXPECT_EQ(html.find("{{"), std::string::npos);  // nothing left unrendered
        }
    }
}

}  // namespace
}  // namespace rempart::render
