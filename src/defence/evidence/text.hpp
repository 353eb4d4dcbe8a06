// How the exports write times and e-mail addresses.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rempart::defence::evidence {

// ISO 8601 in UTC with milliseconds: "2020-11-20T21:03:05.123Z".
std::string utc_text(std::int64_t unix_ms);

// The local part reduced to its first character (a whole UTF-8 character) and "***":
// "jeff.bezos@catchall.example" is "j***@catchall.example". Enough to show a pattern,
// not enough to write to the person.
std::string mask_email(std::string_view email);

}  // namespace rempart::defence::evidence
