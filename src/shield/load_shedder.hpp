// Which requests to refuse when the server falls behind: the lowest priorities first, by
// how far the io threads lag and how many reads queue for the database. Pure.
#pragma once

#include <chrono>
#include <cstddef>

#include "http/route_class.hpp"

namespace rempart::shield {

struct Pressure {
    std::chrono::milliseconds loop_lag{0};  // how late the io threads run their timers
    std::size_t read_queue = 0;             // reads waiting for a database connection
};

// Past the `low` bounds low-priority routes are refused; past the `normal` bounds normal
// ones too. High and critical ones never are: they cost little or must not fail.
struct ShedSettings {
    std::chrono::milliseconds lag_low{25};
    std::chrono::milliseconds lag_normal{100};
    std::size_t queue_low = 8;
    std::size_t queue_normal = 32;
    std::chrono::seconds retry_after{5};
};

bool should_shed(http::Priority priority, const Pressure& pressure, const ShedSettings& settings);

}  // namespace rempart::shield
