// The network keys a client is counted under: its address, and the prefixes a provider
// hands out together (IPv4 /24; IPv6 /64, one household, and /48, one site).
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>

namespace rempart::shield {

struct NetworkKeys {
    std::string address;  // "ip:203.0.113.7", "ip:2001:db8::1"
    std::string narrow;   // "net:203.0.113.0/24", "net:2001:db8:1:2::/64"
    std::string wide;     // "net:203.0.113.0/24" again for IPv4, "net:2001:db8:1::/48"
};

// IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
NetworkKeys network_keys(const boost::asio::ip::address& address);

// The wide key of an address written as text ("net:203.0.113.0/24", "net:2001:db8:1::/48"),
// or "ip:<text>" when it is not an address: what the gate's clearance is bound to.
std::string wide_network(std::string_view client_ip);

// The address kept once its time in clear is over: "203.0.113.0/24", "2001:db8:1::/48";
// what is not an address (or is a network already) stays as it is.
std::string network_of_address(std::string_view address);

// What one subscriber holds, from an address written as text: the address itself for IPv4
// ("ip:203.0.113.7"), its /64 for IPv6 ("net:2001:db8:1:2::/64"), where a provider gives one
// household billions of addresses. "ip:<text>" when it is not an address.
std::string subscriber_key(std::string_view client_ip);
// The narrow key of an address written as text ("net:203.0.113.0/24", "net:2001:db8:1:2::/64"),
// or "ip:<text>" when it is not an address.
std::string narrow_network(std::string_view client_ip);

}  // namespace rempart::shield
