// Text as signers type it: checked, cleaned for display, and normalised for comparison.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

// Errors: "input.not_utf8", "input.too_long" (more than `max_chars` code points once clean).
Result<std::string> clean_text(std::string_view raw, std::size_t max_chars, bool multiline);

// For duplicate and cluster detection: accents, case, punctuation and spacing folded away.
std::string normalise_for_comparison(std::string_view cleaned);

}  // namespace rempart::signatures
