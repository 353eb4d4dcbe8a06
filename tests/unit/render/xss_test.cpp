// Classic XSS payloads in petition titles, summaries, bodies and site settings, rendered
// through the real templates: nothing comes out that could run, restyle or load elsewhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "core/embedded.hpp"
#include "html_scan.hpp"
#include "render/markdown.hpp"
#include "site_fixture.hpp"
#include "support/source_files.hpp"

namespace rempart::render {
namespace {

using testing::dangers_in;

const std::vector<std::string>& payloads() {
    static const std::vector<std::string> list = {
        // Script elements, however written.
        "<script>alert(1)</script>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<script src=https://evil.example/x.js></script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script\n>alert(1)</script\n>",
        std::string("<scr\0ipt>alert(1)</script>", 26),
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        // Event handlers.
        "<img src=x onerror=alert(1)>",
        "<img/src/onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<input onfocus=alert(1) autofocus>",
        "<video><source onerror=alert(1)></video>",
        // Attribute breaking.
        "\"><script>alert(1)</script>",
        "'onmouseover='alert(1)",
        "\" onfocus=\"alert(1)\" autofocus=\"",
        "' autofocus onfocus='alert(1)",
        // Dangerous URLs in raw HTML.
        "<a href=\"javascript:alert(1)\">clic</a>",
        "<a href=\"&#106;avascript:alert(1)\">clic</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">clic</a>",
        "<a href=\"javascript&colon;alert(1)\">clic</a>",
        "<a href=\" javascript:alert(1)\">clic</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">clic</a>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        // Dangerous URLs in Markdown.
        "[clic](javascript:alert(1))",
        "[clic](JaVaScRiPt:alert(1))",
        "[clic]( javascript:alert(1))",
        "[clic](jav&#x09;ascript:alert(1))",
        "[clic](&#106;avascript:alert(1))",
        "[clic](<javascript:alert(1)>)",
        "[clic](javascript:alert(1) \"titre\")",
        "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[clic](data:image/png;base64,iVBORw0KGgo=)",
        "[clic](vbscript:msgbox(1))",
        "[clic](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "[clic][ref]\n\n[ref]: javascript:alert(1)",
        "[clic][ref]\n\n[ref]: <data:text/html,<script>alert(1)</script>>",
        "![x](javascript:alert(1))",
        "![x](https://tracker.example/pixel.png)",
        "![[x](javascript:alert(1))](https://tracker.example/p.png)",
        // Elements that load, frame or restyle.
        "<iframe src=javascript:alert(1)></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=javascript:alert(1)>",
        "<embed src=javascript:alert(1)>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        // Comments, CDATA and other markup declarations.
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<?xml-stylesheet href=\"javascript:alert(1)\"?>",
        // Code: shown, never run.
        "```html\n<script>alert(1)</script>\n```",
        "`<script>alert(1)</script>`",
        // Template injection for mustache.
        "{{#t}}{{{t}}}{{/t}} {{=<% %>=}} <%site_name%>",
        "{{{content_html}}}{{&body_html}}{{> progress}}",
        // A polyglot.
        "javascript:/*--></title></style></textarea></script></xmp>"
        "<svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    };
    return list;
}

void expect_inert(const std::string& html, const std::string& payload) {
    for (const auto& danger : dangers_in(html)) ADD_FAILURE() << danger << "\nfrom: " << payload;
    // The plain way the brief says it, in case the scanner misreads a tag. ('<' is always
    // escaped inside attribute values, so this cannot match our own meta description.)
    static const std::regex script("<\\s*script(?![^>]*\\ssrc=\"/static/)", std::regex::icase);
    EXPECT_FALSE(std::regex_search(html, script)) << payload;
    // Whatever the payload, the page keeps its one head and one body.
    const auto tags = testing::tags_of(html);
    for (const char* once : {"html", "head", "title", "body", "main", "h1"}) {
        const auto count = std::count_if(tags.begin(), tags.end(), [once](const auto& tag) {
            return tag.name == once && !tag.closing;
        });
        EXPECT_EQ(count, 1) << "<" << once << "> in " << payload;
    }
}

class Xss : public testing::SiteFixture {};

TEST_F(Xss, ThereAreEnoughPayloads) {
    EXPECT_GE(payloads().size(), 25u);
}

TEST_F(Xss, PayloadsInEveryPetitionFieldStayInert) {
    for (const auto& payload : payloads()) {
        Petition petition =
            this->petition("xss", payload, "Avant\n\n" + payload + "\n\nAprès " + payload + "\n");
        petition.summary = payload;
        petition.goal = 10;
        const Petition* list[] = {&petition};
        for (const auto language : all_languages) {
            expect_inert(render_petition(view(), language, petition), payload);
            expect_inert(render_home(view(), language, list), payload);
        }
    }
}

// A search shows back what was typed, and petitions found: both escaped.
TEST_F(Xss, PayloadsInASearchAndWhatItFindsStayInert) {
    for (const auto& payload : payloads()) {
        Petition found = this->petition("x", payload, payload);
        found.summary = payload;
        for (const auto language : all_languages) {
            expect_inert(render_search(view(), language, {payload, true, {found}, {}}), payload);
            expect_inert(render_search(view(), language, {payload, true, {}, {}}), payload);
            expect_inert(render_search(view(), language, {payload, false, {}, "search.too_long"}),
                         payload);
        }
    }
}

// The gate's page holds no user text but the site's settings.
TEST_F(Xss, PayloadsInSiteSettingsStayInertOnTheGatesPage) {
    for (const auto& payload : payloads()) {
        site_.name = site_.controller = payload;
        for (const auto language : all_languages) {
            // Filled in as web/gate fills its two marks for each visitor.
            auto html = render_gate(view(), language, 5);
            html.replace(html.find("@@GATE_WAIT@@"), 13, "/gate/wait?ticket=t&amp;next=/");
            html.replace(html.find("@@GATE_NEXT@@"), 13, "/");
            expect_inert(html, payload);
        }
    }
}

// Slugs are checked before they are stored, but the pages do not count on it.
TEST_F(Xss, PayloadsInTheSlugStayInert) {
    for (const auto& payload : payloads()) {
        Petition petition = this->petition(payload, "T", "B");
        const Petition* list[] = {&petition};
        expect_inert(render_petition(view(), Language::fr, petition), payload);
        expect_inert(render_home(view(), Language::fr, list), payload);
    }
}

// The host writes the site settings, but a pasted value must not break the pages either.
TEST_F(Xss, PayloadsInSiteSettingsStayInert) {
    for (const auto& payload : payloads()) {
        site_.name = site_.controller = site_.contact_email = site_.postal_address =
            site_.hosting_provider = site_.terms_version = site_.privacy_version = payload;
        const auto petition = this->petition("p", "T", "B");
        for (const auto language : all_languages) {
            expect_inert(render_privacy(view(), language, {}), payload);
            expect_inert(render_terms(view(), language), payload);
            expect_inert(render_error(view(), language, 404), payload);
            expect_inert(render_home(view(), language, {}), payload);
            expect_inert(render_petition(view(), language, petition), payload);
        }
    }
}

TEST_F(Xss, TheBodyKeepsItsHarmlessText) {
    const auto html = render_petition(view(), Language::fr,
                                      petition("p", "T", "Avant <script>alert(1)</script> après"));
    EXPECT_NE(html.find("Avant"), std::string::npos);
    EXPECT_NE(html.find("après"), std::string::npos);
}

TEST_F(Xss, TheTitleIsShownAsTyped) {
    const auto html =
        render_petition(view(), Language::fr, petition("p", "<b>Bold</b> & \"quotes\"", "x"));
    EXPECT_NE(html.find("<h1 lang=\"fr\">&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quotes&quot;</h1>"),
              std::string::npos);
}

// kainjow renders a value as text: mustache tags inside user text are not read again.
TEST_F(Xss, MustacheTagsInUserTextStayLiteral) {
    const std::string title = "{{site_name}} {{{t.home.title}}} {{#t}}x{{/t}} {{=| |=}}";
    auto petition = this->petition("p", title, "{{site_name}} et {{{body_html}}}");
    petition.summary = "{{> progress}}";
    const Petition* list[] = {&petition};
    for (const auto& html : {render_petition(view(), Language::fr, petition),
                             render_home(view(), Language::fr, list)}) {
        EXPECT_NE(html.find(title), std::string::npos);
        EXPECT_NE(html.find("{{&gt; progress}}"), std::string::npos);
    }
    const auto page = render_petition(view(), Language::fr, petition);
    EXPECT_NE(page.find("<h1 lang=\"fr\">" + title + "</h1>"), std::string::npos);
    EXPECT_NE(page.find("{{site_name}} et {{{body_html}}}"), std::string::npos);
}

// The scanner the tests above rely on finds what it must.
TEST(HtmlScan, FlagsWhatCouldRun) {
    for (const char* html : {"<script>x</script>",
                             "<SCRIPT src=/x.js></SCRIPT>",
                             "<script src=\"https://e/x\">",
                             "<a href=\"javascript:x\">",
                             "<a href=\" JaVa&#x09;script&colon;x\">",
                             "<a href='&#106;avascript:x'>",
                             "<a href=vbscript:x>",
                             "<a href=\"data:text/html,x\">",
                             "<p onclick=x>",
                             "<svg/onload=x>",
                             "<img src=x onerror=y>",
                             "<p style=\"x\">",
                             "<b>",
                             "<!-- x -->",
                             "<![CDATA[x]]>",
                             "<meta http-equiv=refresh content=0>",
                             "<link rel=stylesheet href=https://e/x.css>",
                             "<link rel=stylesheet href=//e/x.css>",
                             "<form action=//e/x>",
                             "<form action=\"javascript:x\">",
                             "<iframe srcdoc=x>",
                             "<p><a href=\"/\">x</a><video src=/v.mp4></p>",
                             "<button formaction=javascript:x>"})
        EXPECT_FALSE(dangers_in(html).empty()) << html;
    for (const char* html :
         {"<!doctype html><p class=\"a\">x &lt;script&gt;</p>",
          "<a href=\"https://e.example/x\" rel=\"nofollow\">x</a>", "<a href=\"mailto:a@b\">",
          "<a href=\"/petitions/javascript:x\">", "<script type=\"module\" src=\"/static/a.js\">",
          "<link rel=\"stylesheet\" href=\"/static/a.css\">", "<form action=\"/sign\">",
          "<meta name=\"description\" content=\"&lt;a onclick=x&gt; javascript:x\">"})
        EXPECT_TRUE(dangers_in(html).empty()) << html << ": " << dangers_in(html).front();
}

TEST(Templates, TripleMustachesOnlyForHtmlWeProduced) {
    static const std::regex triple("\\{\\{\\{\\s*([^}\\s]*)\\s*\\}\\}\\}");
    std::size_t templates = 0;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        ++templates;
        const std::string text(file.bytes);
        // {{& x}} is a triple mustache too; a changed delimiter could hide one.
        EXPECT_EQ(text.find("{{&"), std::string::npos) << file.path;
        EXPECT_EQ(text.find("{{="), std::string::npos) << file.path;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), triple);
             it != std::sregex_iterator(); ++it)
            EXPECT_TRUE((*it)[1].str().ends_with("_html")) << file.path << ": " << (*it)[0];
    }
    EXPECT_GE(templates, 7u);
    EXPECT_GE(templates, rempart::testing::count_source_files("templates", ".mustache"));
}

// The only *_html values: the layout's page content, the Markdown body, and the incident
// chart (SVG from render/verdict_chart, which escapes every text it writes).
TEST(Templates, HtmlValuesComeFromTemplatesOrMarkdown) {
    static const std::regex triple("\\{\\{\\{\\s*([^}\\s]*)\\s*\\}\\}\\}");
    std::size_t scanned = 0;
    for (const auto& file : embedded::files()) {
        if (!file.path.starts_with("templates/")) continue;
        ++scanned;
        const std::string text(file.bytes);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), triple);
             it != std::sregex_iterator(); ++it) {
            const auto name = (*it)[1].str();
            EXPECT_TRUE(name == "content_html" || name == "body_html" || name == "chart_html")
                << file.path << ": " << name;
        }
    }
    // An empty embedding would pass the check above: each template on disk was scanned.
    const auto on_disk = rempart::testing::count_source_files("templates", ".mustache");
    EXPECT_GT(on_disk, 0u);
    EXPECT_GE(scanned, on_disk);
}

}  // namespace
}  // namespace rempart::render
