// What the server-drawn SVG charts share: the axes with their peak, and the legend.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace rempart::render::detail {

// The count axis on the left (the peak at the top, 0 at the bottom) and the time axis below.
std::string chart_axes(int left, int top, int plot_width, int plot_height, std::int64_t peak);

// One coloured square and its words a series, along the bottom edge: told apart by the
// words as well as the colours.
std::string chart_legend(int left, int height, std::span<const char* const> colours,
                         std::span<const std::string> names);

}  // namespace rempart::render::detail
