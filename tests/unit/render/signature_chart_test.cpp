// Tests for render/signature_chart: bars where the signatures were, gaps left empty, words
// escaped, and what a screen reader is told.
#include "render/signature_chart.hpp"

#include <gtest/gtest.h>

#include "html_scan.hpp"

namespace rempart::render {
namespace {

SignatureChartLabels chart_labels() {
    return {"chart-hours",
            "Signatures <par> heure",
            "12 signatures, 7 confirmées",
            {"Confirmées", "En attente", "Mises de côté"}};
}

std::size_t bar_groups_in(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

TEST(SignatureChart, DrawsOneBarGroupPerStepThatSawSignatures) {
    const std::int64_t first = 1'796'515'200;  // 2026-12-06 00:00 UTC
    const auto svg = signature_chart_svg({{first, {5, 2, 0}}, {first + 3 * 3600, {2, 0, 3}}}, first,
                                         first + 5 * 3600, 3600, chart_labels());
    EXPECT_EQ(bar_groups_in(svg, "<g><title>"), 2u);
    EXPECT_NE(svg.find("<g><title>06/12 00h · Confirmées 5 · En attente 2</title>"),
              std::string::npos)
        << svg;
    EXPECT_NE(svg.find("<g><title>06/12 03h · Confirmées 2 · Mises de côté 3</title>"),
              std::string::npos);
    // The axis names the first and last hours; the peak (7) heads the count axis.
    EXPECT_NE(svg.find(">06/12 00h</text>"), std::string::npos);
    EXPECT_NE(svg.find(">06/12 05h</text>"), std::string::npos);
    EXPECT_NE(svg.find("text-anchor=\"end\">7</text>"), std::string::npos);
}

TEST(SignatureChart, TellsScreenReadersWhatItShowsInEscapedWords) {
    const auto svg = signature_chart_svg({}, 0, 86400 * 3, 86400, chart_labels());
    EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"chart-hours-title chart-hours-desc\""),
              std::string::npos);
    EXPECT_NE(svg.find("<title id=\"chart-hours-title\">Signatures &lt;par&gt; heure</title>"),
              std::string::npos);
    EXPECT_EQ(bar_groups_in(svg, "<g><title>"), 0u);
    for (const auto& tag : testing::tags_of(svg)) {
        EXPECT_EQ(tag.attribute("style"), nullptr);
        for (const auto& [name, value] : tag.attributes) EXPECT_FALSE(name.starts_with("on"));
    }
}

TEST(SignatureChart, BarsOutsideThePeriodAreLeftOut) {
    const auto svg =
        signature_chart_svg({{-3600, {9, 0, 0}}, {7200, {1, 0, 0}}}, 0, 3600, 3600, chart_labels());
    EXPECT_EQ(bar_groups_in(svg, "<g><title>"), 0u);
    EXPECT_NE(svg.find("text-anchor=\"end\">1</text>"), std::string::npos);
}

}  // namespace
}  // namespace rempart::render
