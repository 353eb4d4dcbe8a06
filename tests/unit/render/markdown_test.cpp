// Tests for render/markdown: petition text rendered safe.
#include "render/markdown.hpp"

#include <gtest/gtest.h>

namespace rempart::render {
namespace {

TEST(Markdown, RendersTheUsualMarkup) {
    const auto html = render_markdown("Des **pistes** et *arbres*.\n\n- un\n- deux\n\n> cité\n");
    EXPECT_NE(html.find("<strong>pistes</strong>"), std::string::npos);
    EXPECT_NE(html.find("<em>arbres</em>"), std::string::npos);
    EXPECT_NE(html.find("<li>un</li>"), std::string::npos);
    EXPECT_NE(html.find("<blockquote>"), std::string::npos);
}

TEST(Markdown, HeadingsMoveDownALevel) {
    const auto html = render_markdown("# Un\n\n## Deux\n\n###### Six\n");
    EXPECT_EQ(html.find("<h1>"), std::string::npos);
    EXPECT_NE(html.find("<h2>Un</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h3>Deux</h3>"), std::string::npos);
    EXPECT_NE(html.find("<h6>Six</h6>"), std::string::npos);
}

TEST(Markdown, LinksAreMarkedAsUserContent) {
    const auto html = render_markdown("[le plan](https://example.org/plan)");
    EXPECT_NE(html.find("<a rel=\"nofollow ugc noopener\" href=\"https://example.org/plan\">"),
              std::string::npos)
        << html;
}

TEST(Markdown, DropsLinksOtherThanWebAndMail) {
    for (const char* text :
         {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox)",
          "[x](data:text/html,<script>)", "[x](file:///etc/passwd)", "<javascript:alert(1)>",
          "[x](java\tscript:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)"}) {
        const auto html = render_markdown(text);
        EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << text << " -> " << html;
        EXPECT_EQ(html.find("href=\"data"), std::string::npos) << text << " -> " << html;
        EXPECT_EQ(html.find("href=\"vbscript"), std::string::npos) << text << " -> " << html;
        EXPECT_EQ(html.find("href=\"file"), std::string::npos) << text << " -> " << html;
    }
    EXPECT_NE(render_markdown("[écrire](mailto:a@example.org)").find("href=\"mailto:"),
              std::string::npos);
}

TEST(Markdown, ImagesBecomeTheirAltText) {
    const auto html = render_markdown("![un vélo](https://tracker.example/pixel.png)");
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_EQ(html.find("tracker.example"), std::string::npos);
    EXPECT_NE(html.find("un vélo"), std::string::npos);
}

TEST(Markdown, RawHtmlIsDropped) {
    const auto html = render_markdown("<script>alert(1)</script>\n\n<b onclick=x>gras</b>");
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("onclick"), std::string::npos);
}

TEST(Markdown, CodeIsEscaped) {
    const auto html = render_markdown("`<b>`\n\n    <i>bloc</i>\n");
    EXPECT_NE(html.find("<code>&lt;b&gt;</code>"), std::string::npos);
    EXPECT_NE(html.find("&lt;i&gt;bloc&lt;/i&gt;"), std::string::npos);
}

}  // namespace
}  // namespace rempart::render
