// Text as signers type it: checked, cleaned for display, and normalised for comparison.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

// The text as it will be shown: NFC; controls, invisible format characters and variation
// selectors gone; tabs and other spaces as one space; trimmed. With `multiline`, lines are
// kept (\r\n and \r become \n, at most two blank lines in a row); without, a line break is
// a space. An empty result is not an error: callers decide what is required.
// Errors: SignatureError::input_not_utf8, SignatureError::input_too_long (more than `max_chars`
// code points once clean).
Result<std::string> clean_text(std::string_view raw, std::size_t max_chars, bool multiline);

// For duplicate and cluster detection only, never for display: compatibility forms,
// accents, case, punctuation, symbols and spacing folded away, and Cyrillic or Greek
// letters that look Latin written as Latin. "Jéff  BEZOS!" gives "jeff bezos".
// Expects clean_text's output; invalid UTF-8 gives "".
std::string normalise_for_comparison(std::string_view cleaned);

}  // namespace rempart::signatures
