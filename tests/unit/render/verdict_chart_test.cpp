// Tests for the per-minute chart: verdicts grouped, gaps drawn, escaping, no style or script.
#include "render/verdict_chart.hpp"

#include <gtest/gtest.h>

namespace rempart::render {
namespace {

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

ChartLabels labels() {
    return {"Attempts <per> minute",
            "Signatures & refusals",
            {"accepted", "held", "dup", "refused"},
            "incident opened"};
}

TEST(VerdictChart, VerdictsFallIntoFourGroups) {
    EXPECT_EQ(verdict_group("accepted"), VerdictGroup::accepted);
    EXPECT_EQ(verdict_group("quarantined"), VerdictGroup::quarantined);
    EXPECT_EQ(verdict_group("duplicate"), VerdictGroup::duplicate);
    EXPECT_EQ(verdict_group("banned"), VerdictGroup::refused);
    EXPECT_EQ(verdict_group("rate_limited_ip"), VerdictGroup::refused);
}

TEST(VerdictChart, DrawsOneStackAMinuteGapsIncludedWithEscapedLabels) {
    const std::int64_t t = 1'800'000'000'000 / 60'000 * 60'000;
    const std::vector<ChartMinute> minutes{{t, {5, 0, 0, 1}}, {t + 180'000, {0, 7, 0, 0}}};
    const auto svg = verdict_chart_svg(minutes, labels(), t + 190'000);
    EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
    EXPECT_NE(svg.find("Attempts &lt;per&gt; minute"), std::string::npos);
    EXPECT_NE(svg.find("Signatures &amp; refusals"), std::string::npos);
    EXPECT_EQ(occurrences(svg, "<g><title>"), 4u);        // four minutes, two of them empty
    EXPECT_EQ(occurrences(svg, "<rect"), 3u + 4u);        // three bars, four legend keys
    EXPECT_NE(svg.find(">7</text>"), std::string::npos);  // the peak on the count axis
    EXPECT_NE(svg.find("incident opened"), std::string::npos);
    EXPECT_EQ(svg.find("style"), std::string::npos);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
}

TEST(VerdictChart, KeepsTheLatestMinutesAndDrawsAnEmptyChart) {
    std::vector<ChartMinute> minutes;
    for (int i = 0; i < 500; ++i) minutes.push_back({i * 60'000LL, {1, 0, 0, 0}});
    EXPECT_EQ(occurrences(verdict_chart_svg(minutes, labels(), 0, 180), "<g><title>"), 180u);
    const auto empty = verdict_chart_svg({}, labels());
    EXPECT_NE(empty.find("</svg>"), std::string::npos);
    EXPECT_EQ(occurrences(empty, "<g><title>"), 0u);
}

}  // namespace
}  // namespace rempart::render
