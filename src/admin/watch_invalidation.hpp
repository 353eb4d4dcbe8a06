// What the invalidation form (/admin/invalidate) can take of a watch, prefilled: its
// petition, its value as the form reads it, and the time since its first attempt. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "admin/invalidation_form.hpp"
#include "defence/model/watch.hpp"

namespace rempart::admin {

// None when the form cannot select by the watch's dimension (a comment, a browser
// signature, signs of automation, where confirmations came from), or for a name when no
// signature shows how it was typed (`typed_name` empty): the watch keeps only a hash.
// The range runs from the minute of the first attempt to the minute of `now_ms`.
std::optional<InvalidationInput> invalidation_of(const defence::Watch& watch,
                                                 std::string_view typed_name, std::int64_t now_ms);

// GET /admin/invalidate?petition=…&kind=…&value=…&from=…&to=…, each value encoded.
std::string invalidation_link(const InvalidationInput& input);

// "2026-11-25T09:30", in UTC, as <input type="datetime-local"> and the form read it.
std::string utc_minute(std::int64_t ms);

}  // namespace rempart::admin
