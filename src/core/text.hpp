// Checks and cleans user text: UTF-8 validity, control and invisible characters, length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rempart {

// Strict UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
bool is_valid_utf8(std::string_view text);

// `text` with each byte that is not part of valid UTF-8 (as is_valid_utf8 reads it)
// replaced by U+FFFD: for writing out text stored before it was checked, or never checked
// (a User-Agent header), into files that must be UTF-8.
std::string to_valid_utf8(std::string_view text);

// Removes C0 and C1 controls (keeping \n and \t when `keep_newlines`) and the invisible
// format characters used to disguise text: zero-width spaces and joiners, bidi overrides,
// word joiners, the byte-order mark. Expects valid UTF-8.
std::string strip_control_characters(std::string_view text, bool keep_newlines = false);

std::size_t count_code_points(std::string_view text);

// With A to Z as a to z and every other byte as it was: for what is compared without
// regard to ASCII case (domains, header values, schemes, keys), never for people's text.
std::string to_lower_ascii(std::string_view text);

// Without leading and trailing ASCII whitespace.
std::string trim(std::string_view text);
// The same, as a view into `text`: for parsing headers without copying.
std::string_view trim_view(std::string_view text);

// Percent-encodes every byte but the unreserved characters (letters, digits, - . _ ~) and
// those in `also_safe` ("/" for a path, "@" for an address in a URI).
std::string percent_encode(std::string_view text, std::string_view also_safe = "");

// Lower-case hexadecimal, two characters a byte.
std::string to_hex(const unsigned char* bytes, std::size_t size);

// `text` safe inside HTML text and double-quoted attributes.
std::string html_escape(std::string_view text);

}  // namespace rempart
