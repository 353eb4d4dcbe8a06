// A petition's signatures by hour or by day as a chart with its words, for the organisers'
// campaign page and its author's private page alike.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/i18n.hpp"
#include "store/campaign_repository.hpp"

namespace rempart::web {

// The SVG of `buckets` from `first` to `last` by `step` seconds: its title (`title_key`), a
// sentence with the totals for screen readers, and the legend, in `language`.
std::string campaign_chart(const render::Messages& messages, render::Language language,
                           const std::vector<store::SignatureBucket>& buckets, std::int64_t first,
                           std::int64_t last, std::int64_t step, std::string id,
                           std::string_view title_key);

}  // namespace rempart::web
