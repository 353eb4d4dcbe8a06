// A petition's confirmed signatures by département as a small SVG chart.
#include "render/region_chart.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <kainjow/mustache.hpp>

namespace rempart::render {

std::string region_chart_svg(std::vector<std::pair<std::string, std::int64_t>> regions,
                             const RegionChartLabels& labels, std::size_t bars) {
    namespace mu = kainjow::mustache;
    constexpr int width = 480;
    constexpr int row = 22;
    constexpr int label_width = 120;
    constexpr int number_width = 64;
    std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    bars = std::max<std::size_t>(bars, 2);
    if (regions.size() > bars) {
        std::int64_t rest = 0;
        for (std::size_t i = bars - 1; i < regions.size(); ++i) rest += regions[i].second;
        regions.resize(bars - 1);
        regions.emplace_back(labels.others, rest);
    }
    std::int64_t peak = 1;
    for (const auto& [code, count] : regions) peak = std::max(peak, count);
    const int height = std::max<int>(row, static_cast<int>(regions.size()) * row);
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
        "aria-labelledby=\"regions-title regions-desc\" class=\"region-chart\">\n"
        "<title id=\"regions-title\">{}</title>\n<desc id=\"regions-desc\">{}</desc>\n",
        width, height, mu::html_escape(labels.title), mu::html_escape(labels.description));
    const int plot = width - label_width - number_width;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const auto& [code, count] = regions[i];
        const int y = static_cast<int>(i) * row;
        const double length = std::max(1.0, double(plot) * double(count) / double(peak));
        svg += fmt::format(
            "<g><title>{0} · {1}</title><text x=\"{2}\" y=\"{3}\" font-size=\"13\" "
            "text-anchor=\"end\">{0}</text><rect x=\"{4}\" y=\"{5}\" width=\"{6:.1f}\" "
            "height=\"{7}\" fill=\"#0172AD\"/><text x=\"{8:.1f}\" y=\"{3}\" "
            "font-size=\"13\">{1}</text></g>\n",
            mu::html_escape(code), count, label_width - 8, y + 15, label_width, y + 3, length,
            row - 6, label_width + length + 6);
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace rempart::render
