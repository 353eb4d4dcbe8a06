// Reads "127.0.0.1:8080" and "[::1]:8080": the one syntax for addresses in the config.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace rempart {

struct HostPort {
    boost::asio::ip::address address;
    std::uint16_t port = 0;
};

// An IP address (IPv6 in brackets: in "::1:8080" the port cannot be told from the address)
// and a port from 1 to 65535; nothing for anything else.
std::optional<HostPort> parse_host_port(std::string_view text);

}  // namespace rempart
