// The network keys a client is counted under: its address and its provider's prefixes.
#include "shield/network.hpp"

namespace rempart::shield {
namespace {

using boost::asio::ip::address;
using boost::asio::ip::address_v4;
using boost::asio::ip::address_v6;

std::string v6_prefix(const address_v6& a, unsigned bits) {
    auto bytes = a.to_bytes();
    for (unsigned i = bits / 8; i < bytes.size(); ++i) bytes[i] = 0;
    return "net:" + address_v6(bytes).to_string() + "/" + std::to_string(bits);
}

}  // namespace

NetworkKeys network_keys(const address& input) {
    address a = input;
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        a = boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
    NetworkKeys keys;
    keys.address = "ip:" + a.to_string();
    if (a.is_v4()) {
        const auto base = address_v4(a.to_v4().to_uint() & 0xFFFFFF00u);
        keys.narrow = "net:" + base.to_string() + "/24";
        keys.wide = keys.narrow;
    } else {
        keys.narrow = v6_prefix(a.to_v6(), 64);
        keys.wide = v6_prefix(a.to_v6(), 48);
    }
    return keys;
}

std::string wide_network(std::string_view client_ip) {
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(client_ip, ec);
    if (ec) return "ip:" + std::string(client_ip);
    return network_keys(address).wide;
}

std::string network_of_address(std::string_view address) {
    const auto wide = wide_network(address);
    constexpr std::string_view prefix = "net:";
    if (!wide.starts_with(prefix)) return std::string(address);
    return wide.substr(prefix.size());
}

std::string subscriber_key(std::string_view client_ip) {
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(client_ip, ec);
    if (ec) return "ip:" + std::string(client_ip);
    const auto keys = network_keys(address);
    const bool v4 = address.is_v4() || address.to_v6().is_v4_mapped();
    return v4 ? keys.address : keys.narrow;
}

std::string narrow_network(std::string_view client_ip) {
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(client_ip, ec);
    if (ec) return "ip:" + std::string(client_ip);
    return network_keys(address).narrow;
}

}  // namespace rempart::shield
