// The wall clock as the store and the events record it: Unix seconds and milliseconds.
#pragma once

#include <cstdint>

namespace rempart {

std::int64_t unix_now();     // seconds
std::int64_t unix_now_ms();  // milliseconds

}  // namespace rempart
