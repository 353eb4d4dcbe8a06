// What the shield needs to know of a route: how much it matters when the server is loaded,
// whether the under-attack gate stands in front of it, and which traffic limits count it.
#pragma once

#include <string_view>

namespace rempart::shield {

// Shed from the bottom up: `low` first (search, uncached listings), then `normal`;
// `high` (pages from memory) and `critical` (signing, confirmation, health) never.
enum class Priority { critical, high, normal, low };

// Which family of traffic limits counts a request: page views, API reads and posts to a
// signing form are limited apart, so that a script reading the API does not lock a network
// out of the pages, nor a flood of junk posts a household out of reading.
enum class TrafficFamily { none, page, api, sign };

struct RouteClass {
    Priority priority = Priority::normal;
    bool gated = true;  // a GET behind the under-attack gate
    TrafficFamily family = TrafficFamily::page;
};

std::string_view to_string(Priority priority);

}  // namespace rempart::shield
