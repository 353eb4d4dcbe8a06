// What the pipeline must know of a route before its handler runs: how much it matters when
// the server is loaded, whether the under-attack gate stands in front of it, and which
// traffic limits count it. Every route is registered with its class (Router::add).
#pragma once

#include <string_view>

namespace rempart::http {

// Shed from the bottom up: `low` first (search, uncached listings), then `normal`;
// `high` (pages from memory) and `critical` (signing, confirmation, health) never.
enum class Priority { critical, high, normal, low };

// Which family of traffic limits counts a request: page views, API reads and posts to a
// signing form are limited apart, so that a script reading the API does not lock a network
// out of the pages, nor a flood of junk posts a household out of reading.
enum class TrafficFamily { none, page, api, sign };

// No default: the class is chosen where the route is registered, so that no route, new or
// renamed, gets a policy nobody chose for it.
struct RouteClass {
    constexpr RouteClass(Priority priority, bool gated, TrafficFamily family)
        : priority(priority), gated(gated), family(family) {}

    Priority priority;
    bool gated;  // a GET behind the under-attack gate
    TrafficFamily family;

    friend constexpr bool operator==(const RouteClass&, const RouteClass&) = default;
};

constexpr RouteClass never_gated(Priority priority, TrafficFamily family) {
    return RouteClass{priority, false, family};
}
constexpr RouteClass gated(Priority priority, TrafficFamily family) {
    return RouteClass{priority, true, family};
}

std::string_view to_string(Priority priority);

}  // namespace rempart::http
