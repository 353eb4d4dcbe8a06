// A chart of signing attempts per minute by verdict, drawn on the server as SVG: the
// incidents page needs no script, and the CSP stays strict (attributes, no style).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rempart::render {

// The verdicts a moderator tells apart on the chart, in stacking order.
enum class VerdictGroup { accepted, quarantined, duplicate, refused };
inline constexpr std::size_t verdict_group_count = 4;
// "accepted" → accepted, "quarantined" → quarantined, "duplicate" → duplicate, anything
// else (rate limited, banned, invalid, proof of work...) → refused.
VerdictGroup verdict_group(std::string_view verdict);

struct ChartMinute {
    std::int64_t minute_ms = 0;  // the minute's start, Unix milliseconds
    std::array<std::int64_t, verdict_group_count> counts{};
};

struct ChartLabels {
    std::string title;        // read by screen readers, shown on hover
    std::string description;  // a sentence saying what the chart shows, with totals
    std::array<std::string, verdict_group_count> groups;  // legend, in the page's language
    std::string marker_label;  // the vertical line's label ("incident opened")
};

// `minutes` in time order, gaps allowed (drawn as empty minutes); at most `max_minutes`
// bars, the latest kept. `marker_ms`, when not 0, draws a line at that time.
std::string verdict_chart_svg(const std::vector<ChartMinute>& minutes, const ChartLabels& labels,
                              std::int64_t marker_ms = 0, std::size_t max_minutes = 180);

}  // namespace rempart::render
