// Signatures per hour or per day, drawn on the server as SVG.
#include "render/signature_chart.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include <kainjow/mustache.hpp>

#include "render/detail/svg_chart.hpp"

namespace rempart::render {
namespace {

namespace mu = kainjow::mustache;

std::string bar_time(std::int64_t seconds, std::int64_t step) {
    const auto time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char text[16];
    std::strftime(text, sizeof text, step < 86400 ? "%d/%m %Hh" : "%d/%m", &parts);
    return text;
}

}  // namespace

std::string signature_chart_svg(const std::vector<SignatureBar>& bars, std::int64_t first,
                                std::int64_t last, std::int64_t step,
                                const SignatureChartLabels& labels) {
    constexpr int width = 720;
    constexpr int height = 240;
    constexpr int left = 48;
    constexpr int bottom = 40;
    constexpr int top = 12;
    // Okabe–Ito, as the incident chart: confirmed green, waiting orange, set aside grey.
    constexpr std::array<const char*, 3> colours{"#009E73", "#E69F00", "#999999"};
    step = std::max<std::int64_t>(step, 1);
    last = std::max(first, last);
    const auto slots = static_cast<std::size_t>((last - first) / step + 1);
    std::vector<std::array<std::int64_t, 3>> counts(slots);
    for (const auto& bar : bars)
        if (bar.start >= first && bar.start <= last)
            counts[static_cast<std::size_t>((bar.start - first) / step)] = bar.counts;
    std::int64_t peak = 1;
    for (const auto& slot : counts) peak = std::max(peak, slot[0] + slot[1] + slot[2]);
    const int plot_width = width - left - 8;
    const int plot_height = height - top - bottom;
    const double bar_width = double(plot_width) / double(slots);

    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
        "aria-labelledby=\"{2}-title {2}-desc\" class=\"signature-chart\">\n"
        "<title id=\"{2}-title\">{3}</title>\n<desc id=\"{2}-desc\">{4}</desc>\n",
        width, height, mu::html_escape(labels.id), mu::html_escape(labels.title),
        mu::html_escape(labels.description));
    svg += detail::chart_axes(left, top, plot_width, plot_height, peak);
    for (std::size_t i = 0; i < slots; ++i) {
        const auto& slot = counts[i];
        if (slot[0] + slot[1] + slot[2] == 0) continue;
        const double x = left + bar_width * double(i);
        double y = top + plot_height;
        std::string tip = bar_time(first + static_cast<std::int64_t>(i) * step, step);
        for (std::size_t s = 0; s < 3; ++s)
            if (slot[s] > 0) tip += fmt::format(" · {} {}", labels.series[s], slot[s]);
        svg += fmt::format("<g><title>{}</title>", mu::html_escape(tip));
        for (std::size_t s = 0; s < 3; ++s) {
            if (slot[s] == 0) continue;
            const double h = double(plot_height) * double(slot[s]) / double(peak);
            y -= h;
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
                x, y, std::max(bar_width - 1.0, 0.5), h, colours[s]);
        }
        svg += "</g>\n";
    }
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n"
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
        left, top + plot_height + 14, bar_time(first, step), left + plot_width,
        top + plot_height + 14, bar_time(last, step));
    svg += detail::chart_legend(left, height, colours, labels.series);
    svg += "</svg>\n";
    return svg;
}

}  // namespace rempart::render
