// Signatures per hour or per day, drawn on the server as SVG for the campaign page:
// readable without script, and the CSP stays strict (attributes, no style).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rempart::render {

struct SignatureBar {
    std::int64_t start = 0;                // Unix seconds, a multiple of the chart's step
    std::array<std::int64_t, 3> counts{};  // confirmed, waiting, other, in stacking order
};

struct SignatureChartLabels {
    std::string id;                     // unique on the page: the title's and description's ids
    std::string title;                  // read by screen readers, shown on hover
    std::string description;            // a sentence saying what the chart shows, with totals
    std::array<std::string, 3> series;  // the legend, in the page's language
};

// Every step from `first` to `last` (Unix seconds, multiples of `step`), the bars given
// where there were signatures and empty ones between; the axis below names the first and
// last steps (hour "06/12 14h" or day "06/12", UTC).
std::string signature_chart_svg(const std::vector<SignatureBar>& bars, std::int64_t first,
                                std::int64_t last, std::int64_t step,
                                const SignatureChartLabels& labels);

}  // namespace rempart::render
