// IP networks written as "10.0.0.0/8": trusted proxies, who may read /metrics.
#include "core/ip_network.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "core/errors.hpp"

namespace rempart {

using boost::asio::ip::address;

address unmapped(const address& a) {
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, a.to_v6());
    return a;
}

bool Network::contains(const address& candidate) const {
    const address a = unmapped(candidate);
    if (a.is_v4() != base.is_v4()) return false;
    if (a.is_v4()) {
        const auto mask = prefix_length == 0 ? 0u : ~std::uint32_t{0} << (32 - prefix_length);
        return (a.to_v4().to_uint() & mask) == (base.to_v4().to_uint() & mask);
    }
    const auto x = a.to_v6().to_bytes();
    const auto y = base.to_v6().to_bytes();
    unsigned bits = prefix_length;
    for (std::size_t i = 0; i < 16 && bits > 0; ++i) {
        const unsigned take = std::min(bits, 8u);
        const auto mask = static_cast<unsigned char>(0xff << (8 - take));
        if ((x[i] & mask) != (y[i] & mask)) return false;
        bits -= take;
    }
    return true;
}

Result<Network> parse_network(std::string_view text) {
    const auto slash = text.find('/');
    boost::system::error_code ec;
    auto base = boost::asio::ip::make_address(std::string(text.substr(0, slash)), ec);
    if (ec)
        return make_error(ConfigError::bad_cidr,
                          "not an IP address or network: " + std::string(text));
    base = unmapped(base);
    const unsigned max_length = base.is_v4() ? 32 : 128;
    unsigned length = max_length;
    if (slash != std::string_view::npos) {
        const auto digits = text.substr(slash + 1);
        const auto [end, err] =
            std::from_chars(digits.data(), digits.data() + digits.size(), length);
        if (err != std::errc() || end != digits.data() + digits.size() || digits.empty() ||
            length > max_length)
            return make_error(ConfigError::bad_cidr, "bad prefix length in " + std::string(text));
    }
    return Network{base, length};
}

Result<NetworkList> NetworkList::parse(const std::vector<std::string>& cidrs) {
    NetworkList list;
    for (const auto& cidr : cidrs) {
        auto network = parse_network(cidr);
        if (!network) return network.error();
        list.networks_.push_back(*network);
    }
    return list;
}

bool NetworkList::contains(const address& a) const {
    for (const auto& network : networks_)
        if (network.contains(a)) return true;
    return false;
}

}  // namespace rempart
