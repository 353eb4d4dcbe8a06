// The botnet's addresses and pages: how many, where, and what each request asks for.
#include "botnet_plan.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

#include "address_space.hpp"
#include "core/text.hpp"
#include "visitor_plan.hpp"
#include "word_lists.hpp"

namespace rempart::attack {
namespace {

constexpr std::array<std::pair<AsSpread, std::string_view>, 4> spreads{{
    {AsSpread::one_company, "one"},
    {AsSpread::hosting, "hosting"},
    {AsSpread::everywhere, "everywhere"},
    {AsSpread::residential, "residential"},
}};

constexpr std::array<std::string_view, page_kinds> page_names{"home", "petition", "api", "search"};

constexpr std::uint32_t loopback_asn = 64500;

std::size_t capacity(const AsBlock& block) {
    return std::size_t{block.count_16} * 256 * hosts_in_network;
}

// The ASes the botnet sends from, and how many addresses each holds.
struct Share {
    const AsBlock* block;
    std::size_t count;
};

std::vector<Share> shares_for(std::size_t count, const BotnetOptions& options) {
    std::vector<Share> shares;
    for (const auto& block : as_blocks()) {
        // The loopback AS holds 127.0.0.1, the proxy every request comes through.
        if (block.asn == loopback_asn) continue;
        const bool wanted =
            options.spread == AsSpread::everywhere ||
            (options.spread == AsSpread::residential ? !block.hosting : block.hosting);
        if (!wanted) continue;
        shares.push_back({&block, 0});
    }
    std::size_t left = count;
    if (options.spread == AsSpread::one_company) {
        // The main AS first, so that what it cannot hold passes on to the others.
        std::stable_partition(shares.begin(), shares.end(),
                              [&](const Share& s) { return s.block->asn == options.main_asn; });
        if (shares.front().block->asn == options.main_asn) {
            const auto main = static_cast<std::size_t>(std::llround(
                static_cast<double>(count) * std::clamp(options.main_share, 0.0, 1.0)));
            shares.front().count = std::min(main, count);
            left -= shares.front().count;
        }
    }
    const std::size_t first_even =
        options.spread == AsSpread::one_company && shares.size() > 1 && shares.front().count > 0
            ? 1
            : 0;
    const std::size_t even = shares.size() - first_even;
    for (std::size_t i = first_even; i < shares.size(); ++i)
        shares[i].count = left / even + (i - first_even < left % even ? 1 : 0);
    // What an AS cannot hold goes to the next one with room, in turn.
    std::size_t surplus = 0;
    for (auto& share : shares) {
        const auto room = capacity(*share.block);
        if (share.count > room) {
            surplus += share.count - room;
            share.count = room;
        }
    }
    for (std::size_t i = 0; surplus > 0 && i < shares.size(); ++i) {
        const auto take = std::min(surplus, capacity(*shares[i].block) - shares[i].count);
        shares[i].count += take;
        surplus -= take;
    }
    return shares;
}

// The first `k` of a random permutation of [0, n).
std::vector<std::uint32_t> sample(std::uint32_t n, std::uint32_t k, Random& random) {
    std::vector<std::uint32_t> all(n);
    std::iota(all.begin(), all.end(), 0u);
    k = std::min(k, n);
    for (std::uint32_t i = 0; i < k; ++i) std::swap(all[i], all[i + random.below(n - i)]);
    all.resize(k);
    return all;
}

}  // namespace

std::string_view to_string(AsSpread spread) {
    for (const auto& [value, name] : spreads)
        if (value == spread) return name;
    return "?";
}

std::optional<AsSpread> parse_as_spread(std::string_view text) {
    for (const auto& [value, name] : spreads)
        if (name == text) return value;
    return std::nullopt;
}

std::string_view to_string(PageKind kind) {
    return page_names[static_cast<std::size_t>(kind)];
}

std::optional<PageWeights> parse_page_weights(std::string_view text) {
    PageWeights weights{};
    double total = 0;
    while (!text.empty()) {
        const auto comma = text.find(',');
        const auto item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
        const auto equals = item.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        const auto name = item.substr(0, equals);
        const auto found = std::find(page_names.begin(), page_names.end(), name);
        if (found == page_names.end()) return std::nullopt;
        double weight = 0;
        try {
            std::size_t used = 0;
            const std::string number(item.substr(equals + 1));
            weight = std::stod(number, &used);
            if (used != number.size() || !(weight >= 0)) return std::nullopt;
        } catch (const std::exception&) {
            return std::nullopt;
        }
        weights[static_cast<std::size_t>(found - page_names.begin())] = weight;
        total += weight;
    }
    if (!(total > 0)) return std::nullopt;
    return weights;
}

std::size_t addresses_needed(double rate, unsigned per_ip_limit, unsigned hosts) {
    const double per_address = per_ip_margin * std::max(1u, per_ip_limit);
    const auto needed = static_cast<std::size_t>(std::ceil(std::max(0.0, rate) * 60 / per_address));
    return std::max<std::size_t>(needed, hosts);
}

double min_gap_s(unsigned per_ip_limit) {
    return 60.0 / (per_ip_guard * std::max(1u, per_ip_limit));
}

std::vector<std::uint32_t> allocate_addresses(std::size_t count, const BotnetOptions& options) {
    Random random(options.seed * 977 + 11);
    const unsigned per_network = std::clamp(options.hosts_per_network, 1u, hosts_in_network);
    // The legitimate visitor's own /24s are never the botnet's: its figures must not be a
    // shared network's.
    std::unordered_set<std::uint32_t> reserved;
    for (const auto network : visitor_networks()) reserved.insert(network);

    std::vector<std::uint32_t> addresses;
    addresses.reserve(count);
    for (const auto& share : shares_for(count, options)) {
        if (share.count == 0) continue;
        const auto networks_in_block = share.block->count_16 * 256u;
        const auto wanted_networks = static_cast<std::uint32_t>(std::min<std::size_t>(
            networks_in_block, (share.count + per_network - 1) / per_network));
        // A few more drawn than needed, in case some are the visitor's.
        auto networks =
            sample(networks_in_block, std::min(networks_in_block, wanted_networks + 8), random);
        std::erase_if(networks, [&](std::uint32_t n) {
            return reserved.contains(network_in(*share.block, n));
        });
        networks.resize(std::min<std::size_t>(networks.size(), wanted_networks));
        std::sort(networks.begin(), networks.end());
        const auto used = static_cast<std::size_t>(networks.size());
        for (std::size_t i = 0; i < used; ++i) {
            const auto hosts = static_cast<std::uint32_t>(std::min<std::size_t>(
                hosts_in_network, share.count / used + (i < share.count % used)));
            const auto base = network_in(*share.block, networks[i]);
            for (const auto host : sample(hosts_in_network, hosts, random))
                addresses.push_back(base | (host + 1));
        }
    }
    return addresses;
}

BotnetPlan make_botnet_plan(const BotnetOptions& options) {
    BotnetPlan plan;
    plan.options = options;
    plan.addresses = allocate_addresses(
        addresses_needed(options.rate, options.per_ip_limit, options.hosts), options);
    plan.min_gap_s = min_gap_s(options.per_ip_limit);
    return plan;
}

PageRequest choose_page(const PageWeights& weights, const std::string& petition, Random& random) {
    const auto kind = static_cast<PageKind>(random.weighted(weights));
    switch (kind) {
        case PageKind::home:
            return {kind, "/"};
        case PageKind::petition:
            return {kind, "/petitions/" + petition};
        case PageKind::api_petition:
            return {kind, "/api/petitions/" + petition};
        case PageKind::search: {
            // A different query each time, so that no answer can be kept and served again.
            std::string words(random.pick(last_names()));
            if (random.chance(0.5)) words += " " + std::string(random.pick(first_names()));
            return {kind, "/search?q=" + percent_encode(words)};
        }
    }
    return {PageKind::home, "/"};
}

}  // namespace rempart::attack
