// Finds the client's address: the socket peer, or X-Forwarded-For from a trusted proxy.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart::net {

struct Network {
    boost::asio::ip::address base;
    unsigned prefix_length = 0;
    bool contains(const boost::asio::ip::address& address) const;
};

// "10.0.0.0/8", "::1/128", or a bare address (a single host). Error: "config.bad_cidr".
Result<Network> parse_network(std::string_view text);

class NetworkList {
  public:
    static Result<NetworkList> parse(const std::vector<std::string>& cidrs);
    bool contains(const boost::asio::ip::address& address) const;
    bool empty() const { return networks_.empty(); }

  private:
    std::vector<Network> networks_;
};

// Walks X-Forwarded-For from the right, past our trusted proxies, and takes the first
// address they did not add: entries further left are the client's word and can be forged.
// Untrusted peers' headers are ignored. IPv4-mapped IPv6 addresses come out as IPv4.
boost::asio::ip::address client_address(const boost::asio::ip::address& peer,
                                        std::string_view x_forwarded_for,
                                        const NetworkList& trusted_proxies);

}  // namespace rempart::net
