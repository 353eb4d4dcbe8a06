// IP networks written as "10.0.0.0/8": trusted proxies, who may read /metrics.
#pragma once

#include <boost/asio/ip/address.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart {

struct Network {
    boost::asio::ip::address base;
    unsigned prefix_length = 0;
    bool contains(const boost::asio::ip::address& address) const;
};

// "10.0.0.0/8", "::1/128", or a bare address (a single host). Error: ConfigError::bad_cidr.
Result<Network> parse_network(std::string_view text);

class NetworkList {
  public:
    static Result<NetworkList> parse(const std::vector<std::string>& cidrs);
    bool contains(const boost::asio::ip::address& address) const;
    bool empty() const { return networks_.empty(); }

  private:
    std::vector<Network> networks_;
};

// ::ffff:192.0.2.5 as 192.0.2.5: a dual-stack socket's view of an IPv4 client.
boost::asio::ip::address unmapped(const boost::asio::ip::address& address);

}  // namespace rempart
