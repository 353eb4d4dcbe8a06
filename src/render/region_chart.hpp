// A petition's confirmed signatures by département as a small SVG chart for its public
// page: one bar a département, the most first, drawn on the server (no script, strict CSP).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace rempart::render {

struct RegionChartLabels {
    std::string title;        // read by screen readers, shown on hover
    std::string description;  // a sentence with the totals
    std::string others;       // the last bar, for the départements past `bars`
};

// `regions` as (code, count) in any order; the `bars - 1` largest get a bar each and the
// rest share the last one.
std::string region_chart_svg(std::vector<std::pair<std::string, std::int64_t>> regions,
                             const RegionChartLabels& labels, std::size_t bars = 8);

}  // namespace rempart::render
