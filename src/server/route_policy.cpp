// Every route's class for the shield, in one table.
#include "server/route_policy.hpp"

#include <array>
#include <utility>

namespace rempart::server {
namespace {

using shield::Priority;
using shield::RouteClass;
using shield::TrafficFamily;

constexpr RouteClass never_gated(Priority priority, TrafficFamily family) {
    return RouteClass{priority, false, family};
}
constexpr RouteClass gated(Priority priority, TrafficFamily family) {
    return RouteClass{priority, true, family};
}

// Signing and confirming stay possible under any load and behind no interstitial (the
// gate only ever stands before a GET whose loss costs nothing); the API speaks JSON to
// scripts that cannot pass a gate, so it is limited and shed instead.
constexpr std::array<std::pair<std::string_view, RouteClass>, 24> table{{
    {"healthz", never_gated(Priority::critical, TrafficFamily::none)},
    {"metrics", never_gated(Priority::critical, TrafficFamily::none)},
    {"static", never_gated(Priority::critical, TrafficFamily::none)},
    {"robots", never_gated(Priority::critical, TrafficFamily::none)},
    {"sign", never_gated(Priority::critical, TrafficFamily::sign)},
    {"altcha_challenge", never_gated(Priority::critical, TrafficFamily::page)},
    {"signature_link", never_gated(Priority::critical, TrafficFamily::page)},
    {"signature_confirm", never_gated(Priority::critical, TrafficFamily::page)},
    {"signature_withdraw", never_gated(Priority::critical, TrafficFamily::page)},
    {"gate_challenge", never_gated(Priority::critical, TrafficFamily::page)},
    {"gate_pass", never_gated(Priority::critical, TrafficFamily::page)},
    {"gate_wait", never_gated(Priority::critical, TrafficFamily::page)},
    {"home", gated(Priority::high, TrafficFamily::page)},
    {"petition", gated(Priority::high, TrafficFamily::page)},
    {"sign_thanks", gated(Priority::high, TrafficFamily::page)},
    {"privacy", gated(Priority::high, TrafficFamily::page)},
    {"terms", gated(Priority::high, TrafficFamily::page)},
    {"language", gated(Priority::high, TrafficFamily::page)},
    // Unknown paths get a 404 page from memory: cheap, but a flood of them still counts.
    {"unrouted", gated(Priority::high, TrafficFamily::page)},
    {"api_petitions", never_gated(Priority::normal, TrafficFamily::api)},
    {"api_petition", never_gated(Priority::normal, TrafficFamily::api)},
    // Read from the store on every request: the first to go when the store falls behind.
    {"search", gated(Priority::low, TrafficFamily::page)},
    {"admin_login", never_gated(Priority::high, TrafficFamily::page)},
    {"admin_login_submit", never_gated(Priority::high, TrafficFamily::page)},
}};

}  // namespace

shield::RouteClass route_class(std::string_view route_name) {
    for (const auto& [name, route] : table)
        if (name == route_name) return route;
    // The back office must stay reachable to whoever turns the gate off.
    if (route_name.starts_with("admin_")) return never_gated(Priority::high, TrafficFamily::page);
    return RouteClass{};
}

}  // namespace rempart::server
