// The networks of 127.0.0.0/8 the scenarios send from, and the AS each belongs to: the
// same blocks as tools/attack-sim/asn.csv, which the server loads as its AS table.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "random.hpp"

namespace rempart::attack {

// A block of whole /16s: 127.<first_16>.0.0 to 127.<first_16 + count_16 - 1>.255.255.
struct AsBlock {
    std::uint32_t asn;
    std::string_view organisation;
    unsigned first_16;
    unsigned count_16;
    bool hosting;  // a data centre: where scripts run, not households
};

// Every block of the fixture table, hosting ASes first.
std::span<const AsBlock> as_blocks();
const AsBlock& as_block(std::uint32_t asn);

// The big French eyeball ISPs and their share of a national crowd.
struct EyeballShare {
    std::uint32_t asn;
    double weight;
};
std::span<const EyeballShare> eyeball_shares();
// A household's address in one of `shares`' ASes, drawn by weight.
std::string host_by_share(std::span<const EyeballShare> shares, Random& random);
// The mobile networks phones read their mail on, and an address behind one's NAT: a few
// /24s of each carrier, many phones to an address.
std::span<const EyeballShare> mobile_shares();
std::string mobile_host(Random& random);

// 127.a.b.c as text.
std::string ipv4_text(std::uint32_t address);
// The /24 of an address in dotted form, "127.a.b".
std::string network_24(std::string_view ip);
// The n-th /24 of a block (wrapping), as the address of its first host, and a host in it.
std::uint32_t network_in(const AsBlock& block, std::size_t n);
inline constexpr unsigned hosts_in_network = 254;           // .1 to .254 of a /24
std::string host_in(std::uint32_t network, unsigned host);  // host in 1..254
// A random host anywhere in the block.
std::string random_host(const AsBlock& block, Random& random);
// The AS of a 127.0.0.0/8 address under the fixture table; 0 when none.
std::uint32_t asn_of(std::string_view ip);

}  // namespace rempart::attack
