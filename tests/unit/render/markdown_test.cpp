// Tests for render/markdown: petition text rendered safe.
#include "render/markdown.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "support/contains.hpp"

namespace rempart::render {
namespace {

using rempart::testing::contains;

TEST(Markdown, RendersTheUsualMarkup) {
    const auto html = render_markdown("Des **pistes** et *arbres*.\n\n- un\n- deux\n\n> cité\n");
    EXPECT_TRUE(contains(html, "<strong>pistes</strong>"));
    EXPECT_TRUE(contains(html, "<em>arbres</em>"));
    EXPECT_TRUE(contains(html, "<li>un</li>"));
    EXPECT_TRUE(contains(html, "<blockquote>"));
}

TEST(Markdown, HeadingsMoveDownALevel) {
    const auto html = render_markdown("# Un\n\n## Deux\n\n###### Six\n\nSetext\n======\n");
    EXPECT_FALSE(contains(html, "<h1>"));
    EXPECT_TRUE(contains(html, "<h2>Un</h2>"));
    EXPECT_TRUE(contains(html, "<h3>Deux</h3>"));
    EXPECT_TRUE(contains(html, "<h6>Six</h6>"));
    EXPECT_TRUE(contains(html, "<h2>Setext</h2>"));
}

TEST(Markdown, LinksAreMarkedAsUserContent) {
    const auto html = render_markdown("[le plan](https://example.org/plan) et <https://a.example>");
    EXPECT_TRUE(
        contains(html, "<a rel=\"nofollow ugc noopener\" href=\"https://example.org/plan\">"))
        << html;
    EXPECT_TRUE(contains(html, "<a rel=\"nofollow ugc noopener\" href=\"https://a.example\">"))
        << html;
    EXPECT_FALSE(contains(html, "<a href")) << html;
}

TEST(Markdown, KeepsWebMailAndRelativeLinks) {
    EXPECT_TRUE(contains(render_markdown("[écrire](mailto:a@example.org)"), "href=\"mailto:"));
    EXPECT_TRUE(contains(render_markdown("<a@example.org>"), "href=\"mailto:a@example.org\""));
    EXPECT_TRUE(
        contains(render_markdown("[autre](/petitions/autre)"), "href=\"/petitions/autre\""));
    EXPECT_TRUE(contains(render_markdown("[haut](#haut)"), "href=\"#haut\""));
    EXPECT_TRUE(contains(render_markdown("[x](HTTP://A.EXAMPLE)"), "href=\"HTTP://A.EXAMPLE\""));
}

TEST(Markdown, DropsJavascriptLinks) {
    for (const char* text :
         {"[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
          "[x](java\tscript:alert(1))", "[x](jav&#x09;ascript:alert(1))",
          "[x](&#106;avascript:alert(1))", "[x](javascript&#58;alert(1))",
          "[x](<javascript:alert(1)>)", "<javascript:alert(1)>", "<JAVASCRIPT:alert(1)>",
          "[x][r]\n\n[r]: javascript:alert(1)", "[x](vbscript:msgbox)", "[x](file:///etc/passwd)",
          "[x](data:text/html,<script>)", "[x](data:image/png;base64,iVBORw0KGgo=)",
          "[x](\x01javascript:alert(1))"}) {
        const auto html = render_markdown(text);
        EXPECT_FALSE(contains(html, "href")) << text << " -> " << html;
        EXPECT_TRUE(contains(html, "x") || contains(html, "alert")) << text << " -> " << html;
    }
}

TEST(Markdown, ARefusedLinkKeepsItsWords) {
    EXPECT_EQ(render_markdown("Voir [le *plan*](javascript:alert(1)) ici"),
              "<p>Voir le <em>plan</em> ici</p>\n");
}

TEST(Markdown, ImagesBecomeLinksToThem) {
    const auto html = render_markdown("![un vélo](https://tracker.example/pixel.png \"Photo\")");
    EXPECT_FALSE(contains(html, "<img"));
    EXPECT_TRUE(contains(html,
                         "<a rel=\"nofollow ugc noopener\" "
                         "href=\"https://tracker.example/pixel.png\" title=\"Photo\">un "
                         "vélo</a>"))
        << html;
}

TEST(Markdown, AnImageWithoutWordsIsNamedByItsAddress) {
    const auto html = render_markdown("![](https://a.example/p.png)");
    EXPECT_TRUE(contains(html, ">https://a.example/p.png</a>")) << html;
}

TEST(Markdown, ImagesWithRefusedAddressesBecomeTheirWords) {
    for (const char* text :
         {"![un vélo](javascript:alert(1))", "![un vélo](data:image/png;base64,AA)",
          "![un vélo](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)"}) {
        const auto html = render_markdown(text);
        EXPECT_EQ(html, "<p>un vélo</p>\n") << text;
    }
}

// A link cannot hold a link: an image inside one gives its words only.
TEST(Markdown, AnImageInsideALinkBecomesItsWords) {
    EXPECT_EQ(render_markdown("[![logo](https://a.example/l.png)](https://b.example)"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"https://b.example\">logo</a></p>\n");
}

// These crashed an earlier version, which freed an image before the link inside it.
TEST(Markdown, NestedImagesAndLinksAreSafe) {
    EXPECT_EQ(render_markdown("![[x](javascript:alert(1))](https://a.example)"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"https://a.example\">x</a></p>\n");
    EXPECT_EQ(render_markdown("![![in](https://i.example)](https://o.example)"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"https://o.example\">in</a></p>\n");
    EXPECT_EQ(render_markdown("[![a](https://i.example) <b>](javascript:x)"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"https://i.example\">a</a> </p>\n");
}

// What follows an image holding links or images is handled as if it were not there: here
// the last image still sits in a link, so it must not become a link inside a link.
TEST(Markdown, TextAfterNestedImagesIsHandledAsUsual) {
    EXPECT_EQ(render_markdown("![a [b](https://k.example)](https://m.example) "
                              "![![c](https://i.example)](https://o.example) "
                              "[![d](https://p.example)](https://l.example)"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"https://m.example\">a b</a> "
              "<a rel=\"nofollow ugc noopener\" href=\"https://o.example\">c</a> "
              "<a rel=\"nofollow ugc noopener\" href=\"https://l.example\">d</a></p>\n");
}

TEST(Markdown, RawHtmlLeavesNoTrace) {
    const auto html = render_markdown(
        "<script>alert(1)</script>\n\n<b onclick=x>gras</b>\n\n<!-- note "
        "-->\n\n<div>\nbloc\n</div>\n");
    EXPECT_FALSE(contains(html, "<script"));
    EXPECT_FALSE(contains(html, "onclick"));
    EXPECT_FALSE(contains(html, "<b"));
    EXPECT_FALSE(contains(html, "<div"));
    EXPECT_FALSE(contains(html, "<!--"));
    EXPECT_TRUE(contains(html, "gras"));
}

TEST(Markdown, CodeIsEscaped) {
    const auto html =
        render_markdown("`<b>`\n\n    <i>bloc</i>\n\n```html\n<script>x</script>\n```\n");
    EXPECT_TRUE(contains(html, "<code>&lt;b&gt;</code>"));
    EXPECT_TRUE(contains(html, "&lt;i&gt;bloc&lt;/i&gt;"));
    EXPECT_TRUE(contains(html, "<code class=\"language-html\">&lt;script&gt;x&lt;/script&gt;"));
}

TEST(Markdown, AttributesCannotBeBrokenOutOf) {
    const auto html =
        render_markdown("[x](https://a.example/\"onmouseover=\"alert(1) \"t\\\"itle\")");
    EXPECT_FALSE(contains(html, "\"onmouseover")) << html;
    EXPECT_FALSE(contains(html, "t\"itle")) << html;
}

TEST(Markdown, InvalidUtf8AndNulBecomeReplacementCharacters) {
    const auto html = render_markdown(std::string("a\xff\xfe b\0c", 7));
    EXPECT_EQ(html,
              "<p>a\xef\xbf\xbd\xef\xbf\xbd b\xef\xbf\xbd"
              "c</p>\n");
}

// Found by fuzzing: cmark wrote these two entities as the bare bytes 0xFF and 0xFE.
TEST(Markdown, NoncharacterEntitiesGiveValidUtf8) {
    EXPECT_EQ(render_markdown("&#xFFFF;"), "<p>\xef\xbf\xbd</p>\n");
    EXPECT_EQ(render_markdown("a&#65534;b"),
              "<p>a\xef\xbf\xbd"
              "b</p>\n");
    EXPECT_EQ(render_markdown("[&#xFFFF;](/p \"&#xFFFE;\")"),
              "<p><a rel=\"nofollow ugc noopener\" href=\"/p\" title=\"\xef\xbf\xbd\">"
              "\xef\xbf\xbd</a></p>\n");
}

TEST(Markdown, EmptyTextGivesNothing) {
    EXPECT_EQ(render_markdown(""), "");
}

// The body limit is 64 KiB; even hostile shapes of that size render in well under a second.
TEST(Markdown, PathologicalNestingStaysFast) {
    const auto repeat = [](std::string_view part, int times) {
        std::string out;
        for (int i = 0; i < times; ++i) out += part;
        return out;
    };
    for (const auto& text :
         {repeat(">", 60000), repeat("![a", 10000) + repeat("](https://x.example)", 3000),
          repeat("[![a](https://i.example)](https://l.example) ", 1500),
          repeat("![[", 10000) + repeat("](javascript:x)", 4000), repeat("*a **b ", 8000),
          repeat("- ", 30000) + "x"}) {
        const auto start = std::chrono::steady_clock::now();
        const auto html = render_markdown(text);
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1))
            << text.substr(0, 40);
        EXPECT_FALSE(contains(html, "href=\"javascript"));
    }
}

}  // namespace
}  // namespace rempart::render
