// A chart of signing attempts per minute by verdict, drawn on the server as SVG.
#include "render/verdict_chart.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include <kainjow/mustache.hpp>

#include "render/detail/svg_chart.hpp"

namespace rempart::render {
namespace {

namespace mu = kainjow::mustache;

constexpr int width = 720;
constexpr int height = 260;
constexpr int left = 48;    // room for the count axis
constexpr int bottom = 40;  // room for the time axis and legend
constexpr int top = 12;
// Colour-blind-safe (Okabe–Ito) and told apart by the legend's words too.
constexpr std::array<const char*, verdict_group_count> colours{"#009E73", "#E69F00", "#56B4E9",
                                                               "#CC79A7"};

std::string clock(std::int64_t ms) {
    const auto seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[8];
    std::strftime(text, sizeof text, "%H:%M", &parts);
    return text;
}

}  // namespace

VerdictGroup verdict_group(std::string_view verdict) {
    if (verdict == "accepted") return VerdictGroup::accepted;
    if (verdict == "quarantined") return VerdictGroup::quarantined;
    if (verdict == "duplicate") return VerdictGroup::duplicate;
    return VerdictGroup::refused;
}

std::string verdict_chart_svg(const std::vector<ChartMinute>& input, const ChartLabels& labels,
                              std::int64_t marker_ms, std::size_t max_minutes) {
    // Every minute from the first to the last, gaps filled, the latest `max_minutes` kept.
    std::vector<ChartMinute> minutes;
    if (!input.empty()) {
        const auto last = input.back().minute_ms;
        const auto span = static_cast<std::int64_t>(std::max<std::size_t>(max_minutes, 1)) - 1;
        const auto first = std::max(input.front().minute_ms, last - span * 60'000);
        std::size_t next = 0;
        for (auto minute = first; minute <= last; minute += 60'000) {
            ChartMinute bar{minute, {}};
            while (next < input.size() && input[next].minute_ms < minute) ++next;
            if (next < input.size() && input[next].minute_ms == minute) bar = input[next];
            minutes.push_back(bar);
        }
    }
    std::int64_t peak = 1;
    for (const auto& minute : minutes) {
        std::int64_t total = 0;
        for (const auto count : minute.counts) total += count;
        peak = std::max(peak, total);
    }
    const int plot_width = width - left - 8;
    const int plot_height = height - top - bottom;
    const double bar = minutes.empty() ? plot_width : double(plot_width) / double(minutes.size());

    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" role=\"img\" "
        "aria-labelledby=\"chart-title chart-desc\" class=\"verdict-chart\">\n"
        "<title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>\n",
        width, height, mu::html_escape(labels.title), mu::html_escape(labels.description));
    // Axes: the peak on the left, the first and last minutes below.
    svg += detail::chart_axes(left, top, plot_width, plot_height, peak);
    for (std::size_t i = 0; i < minutes.size(); ++i) {
        const auto& minute = minutes[i];
        double y = top + plot_height;
        const double x = left + bar * double(i);
        std::string tip = clock(minute.minute_ms);
        for (std::size_t g = 0; g < verdict_group_count; ++g)
            if (minute.counts[g] > 0)
                tip += fmt::format(" · {} {}", labels.groups[g], minute.counts[g]);
        svg += fmt::format("<g><title>{}</title>", mu::html_escape(tip));
        for (std::size_t g = 0; g < verdict_group_count; ++g) {
            if (minute.counts[g] == 0) continue;
            const double h = double(plot_height) * double(minute.counts[g]) / double(peak);
            y -= h;
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>",
                x, y, std::max(bar - 1.0, 0.5), h, colours[g]);
        }
        svg += "</g>\n";
    }
    if (!minutes.empty()) {
        svg += fmt::format(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text>\n"
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
            left, top + plot_height + 14, clock(minutes.front().minute_ms), left + plot_width,
            top + plot_height + 14, clock(minutes.back().minute_ms));
        const auto start = minutes.front().minute_ms;
        const auto end = minutes.back().minute_ms + 60'000;
        if (marker_ms >= start && marker_ms < end) {
            const double x =
                left + double(plot_width) * double(marker_ms - start) / double(end - start);
            svg += fmt::format(
                "<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#D55E00\" "
                "stroke-width=\"2\" stroke-dasharray=\"4 3\"><title>{3}</title></line>\n",
                x, top, top + plot_height, mu::html_escape(labels.marker_label));
        }
    }
    svg += detail::chart_legend(left, height, colours, labels.groups);
    svg += "</svg>\n";
    return svg;
}

}  // namespace rempart::render
