// The wall clock as the store and the events record it: Unix seconds and milliseconds.
#pragma once

#include <cstdint>
#include <string>

namespace rempart {

std::int64_t unix_now();     // seconds
std::int64_t unix_now_ms();  // milliseconds

inline constexpr std::int64_t seconds_a_day = 86400;

// A moment in UTC as strftime writes it with `format` ("%Y-%m-%d"), 63 bytes at most.
std::string utc_text(std::int64_t unix_seconds, const char* format);

}  // namespace rempart
