// The networks of 127.0.0.0/8 the scenarios send from, and the AS each belongs to.
#include "address_space.hpp"

#include <array>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace rempart::attack {
namespace {

// Keep in step with asn.csv beside this file (a unit test checks they agree).
constexpr std::array<AsBlock, 20> blocks{{
    {16276, "OVH SAS", 10, 1, true},
    {24940, "Hetzner Online GmbH", 11, 1, true},
    {14061, "DIGITALOCEAN-ASN", 12, 1, true},
    {12876, "Scaleway S.a.s.", 13, 1, true},
    {16509, "AMAZON-02", 14, 1, true},
    {63949, "Akamai Connected Cloud", 15, 1, true},
    {51167, "Contabo GmbH", 16, 1, true},
    {9009, "M247 Europe SRL", 17, 1, true},
    {20473, "The Constant Company, LLC", 18, 1, true},
    {60781, "LeaseWeb Netherlands B.V.", 19, 1, true},
    {3215, "Orange S.A.", 64, 16, false},
    {12322, "Free SAS", 80, 16, false},
    {15557, "Societe Francaise du Radiotelephone - SFR SA", 96, 16, false},
    {5410, "Bouygues Telecom SA", 112, 16, false},
    {51207, "Free Mobile SAS", 128, 4, false},
    {2200, "Renater", 132, 1, false},
    {21502, "NC Numericable S.A.", 136, 4, false},
    {24904, "K-Net SARL", 140, 1, false},
    {29075, "IELO-LIAZO SERVICES SAS", 141, 1, false},
    {64500, "Loopback", 0, 1, false},
}};

constexpr std::array<EyeballShare, 6> eyeballs{{
    {3215, 38},
    {12322, 22},
    {15557, 17},
    {5410, 14},
    {51207, 6},
    {2200, 3},
}};

// Phones behind their carrier's NAT: a few /24s of each mobile network.
constexpr std::array<EyeballShare, 4> mobiles{{
    {3215, 35},
    {15557, 20},
    {5410, 20},
    {51207, 25},
}};
constexpr unsigned mobile_networks = 8;

}  // namespace

std::span<const AsBlock> as_blocks() {
    return blocks;
}

const AsBlock& as_block(std::uint32_t asn) {
    for (const auto& block : blocks)
        if (block.asn == asn) return block;
    throw std::invalid_argument("no block for AS " + std::to_string(asn));
}

std::span<const EyeballShare> eyeball_shares() {
    return eyeballs;
}

std::span<const EyeballShare> mobile_shares() {
    return mobiles;
}

std::string host_by_share(std::span<const EyeballShare> shares, Random& random) {
    std::vector<double> weights;
    for (const auto& share : shares) weights.push_back(share.weight);
    return random_host(as_block(shares[random.weighted(weights)].asn), random);
}

std::string mobile_host(Random& random) {
    std::vector<double> weights;
    for (const auto& share : mobiles) weights.push_back(share.weight);
    const auto& block = as_block(mobiles[random.weighted(weights)].asn);
    return host_in(network_in(block, random.below(mobile_networks)),
                   1 + static_cast<unsigned>(random.below(254)));
}

std::string ipv4_text(std::uint32_t address) {
    char text[16];
    std::snprintf(text, sizeof text, "%u.%u.%u.%u", address >> 24, (address >> 16) & 0xff,
                  (address >> 8) & 0xff, address & 0xff);
    return text;
}

std::string network_24(std::string_view ip) {
    const auto last_dot = ip.rfind('.');
    return std::string(ip.substr(0, last_dot));
}

std::uint32_t network_in(const AsBlock& block, std::size_t n) {
    const std::size_t networks = block.count_16 * 256u;
    const auto index = static_cast<std::uint32_t>(n % networks);
    return (127u << 24) | ((block.first_16 + index / 256) << 16) | ((index % 256) << 8);
}

std::string host_in(std::uint32_t network, unsigned host) {
    return ipv4_text(network | host);
}

std::string random_host(const AsBlock& block, Random& random) {
    const auto network = network_in(block, random.below(block.count_16 * 256u));
    return host_in(network, 1 + static_cast<unsigned>(random.below(254)));
}

std::uint32_t asn_of(std::string_view ip) {
    unsigned a = 0, b = 0, c = 0, d = 0;
    if (std::sscanf(std::string(ip).c_str(), "%u.%u.%u.%u", &a, &b, &c, &d) != 4 || a != 127)
        return 0;
    for (const auto& block : blocks)
        if (b >= block.first_16 && b < block.first_16 + block.count_16) return block.asn;
    return 0;
}

}  // namespace rempart::attack
