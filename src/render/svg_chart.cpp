// What the server-drawn SVG charts share: the axes with their peak, and the legend.
#include "render/detail/svg_chart.hpp"

#include <fmt/format.h>

#include <kainjow/mustache.hpp>

namespace rempart::render::detail {

std::string chart_axes(int left, int top, int plot_width, int plot_height, std::int64_t peak) {
    return fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#888\"/>\n"
        "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#888\"/>\n"
        "<text x=\"{4}\" y=\"{5}\" font-size=\"11\" text-anchor=\"end\">{6}</text>\n"
        "<text x=\"{4}\" y=\"{2}\" font-size=\"11\" text-anchor=\"end\">0</text>\n",
        left, top, top + plot_height, left + plot_width, left - 4, top + 10, peak);
}

std::string chart_legend(int left, int height, std::span<const char* const> colours,
                         std::span<const std::string> names) {
    std::string svg;
    int x = left;
    for (std::size_t i = 0; i < names.size() && i < colours.size(); ++i) {
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/>"
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n",
            x, height - 12, colours[i], x + 14, height - 3,
            kainjow::mustache::html_escape(names[i]));
        x += 24 + static_cast<int>(names[i].size()) * 7;
    }
    return svg;
}

}  // namespace rempart::render::detail
