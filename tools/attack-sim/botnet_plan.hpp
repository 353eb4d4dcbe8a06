// The botnet's shape, before anything is sent: how many addresses it needs so that none
// crosses the server's per-IP page limit, where those addresses are, and what it asks for.
// Pure and seeded, like the signing scenarios' plans.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "random.hpp"

namespace rempart::attack {

// How the addresses spread over the ASes of tools/attack-sim/asn.csv.
enum class AsSpread {
    one_company,  // most in one hosting AS (99 % of the real botnet), the rest over the others
    hosting,      // evenly over every hosting AS
    everywhere,   // evenly over hosting and eyeball ASes
    residential,  // evenly over the eyeball ASes: a botnet of residential proxies, which no
                  // AS limit holds since those ASes carry real crowds
};
std::string_view to_string(AsSpread spread);
std::optional<AsSpread> parse_as_spread(std::string_view text);

// The heaviest public pages a page-view flood asks for.
enum class PageKind { home, petition, api_petition, search };
inline constexpr std::size_t page_kinds = 4;
std::string_view to_string(PageKind kind);

// Relative weights of each page in the flood, in PageKind's order.
using PageWeights = std::array<double, page_kinds>;
// "home=1,petition=2,api=1,search=1"; a page left out weighs nothing.
std::optional<PageWeights> parse_page_weights(std::string_view text);

struct BotnetOptions {
    double rate = 420;  // requests a second: the seed's 3 million in 2 hours
    double duration_s = 60;
    // Page views a minute one address may send: the server's [traffic] page_per_ip.
    unsigned per_ip_limit = 240;
    unsigned hosts = 4000;  // the fewest addresses, whatever the rate
    AsSpread spread = AsSpread::one_company;
    std::uint32_t main_asn = 16276;  // OVH, as in 2020
    double main_share = 0.99;
    unsigned hosts_per_network = 16;  // so a botnet of 4,000 covers about 250 /24s
    PageWeights pages{1, 1, 1, 1};
    std::uint64_t seed = 1;
};

// Each address stays under this share of the per-IP limit (the server counts a sliding
// minute from two fixed ones; timers jitter).
inline constexpr double per_ip_margin = 0.8;
// The rotation refuses to reuse an address sooner than this share allows, a little looser
// than the sizing, so that a late tick does not cost slots.
inline constexpr double per_ip_guard = 0.9;

// ceil(rate * 60 / (0.8 * limit)), and never fewer than `hosts`.
std::size_t addresses_needed(double rate, unsigned per_ip_limit, unsigned hosts);
// The shortest time between two requests of one address: 60 / (0.9 * limit) seconds.
double min_gap_s(unsigned per_ip_limit);

// `count` distinct addresses of 127.0.0.0/8 (as 32-bit numbers), grouped by /24 in order.
// An AS asked for more than it holds passes the rest to the next one; a /24 holds up to
// `hosts_per_network` before more /24s are opened, and more once the AS has no /24 left.
std::vector<std::uint32_t> allocate_addresses(std::size_t count, const BotnetOptions& options);

struct BotnetPlan {
    BotnetOptions options;
    std::vector<std::uint32_t> addresses;  // grouped by /24
    double min_gap_s = 0;
};
BotnetPlan make_botnet_plan(const BotnetOptions& options);

// One page of the flood for a draw: the kind and its target ("/search?q=dupont").
struct PageRequest {
    PageKind kind;
    std::string target;
};
PageRequest choose_page(const PageWeights& weights, const std::string& petition, Random& random);

}  // namespace rempart::attack
