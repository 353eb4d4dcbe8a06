// Tests for render/region_chart: the most first, the rest in one bar, words escaped.
#include "render/region_chart.hpp"

#include <gtest/gtest.h>

namespace rempart::render {
namespace {

const RegionChartLabels region_labels{"Où <vivent> les signataires", "12 signatures", "autres"};

TEST(RegionChart, TheLargestFirstAndTheRestTogether) {
    const auto svg = region_chart_svg({{"75", 3}, {"69", 9}, {"13", 1}, {"2A", 1}, {"971", 2}},
                                      region_labels, 3);
    const auto lyon = svg.find("<title>69 · 9</title>");
    const auto paris = svg.find("<title>75 · 3</title>");
    const auto rest = svg.find("<title>autres · 4</title>");
    ASSERT_NE(lyon, std::string::npos) << svg;
    ASSERT_NE(paris, std::string::npos);
    ASSERT_NE(rest, std::string::npos);
    EXPECT_LT(lyon, paris);
    EXPECT_LT(paris, rest);
    EXPECT_EQ(svg.find("971"), std::string::npos);
}

TEST(RegionChart, SaysWhatItShowsInEscapedWords) {
    const auto svg = region_chart_svg({{"<b>", 1}}, region_labels);
    EXPECT_NE(svg.find("<title id=\"regions-title\">Où &lt;vivent&gt; les signataires</title>"),
              std::string::npos);
    EXPECT_NE(svg.find("<title>&lt;b&gt; · 1</title>"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace rempart::render
