// Reads "127.0.0.1:8080" and "[::1]:8080": the one syntax for addresses in the config.
#include "core/host_port.hpp"

#include <charconv>
#include <string>

namespace rempart {

std::optional<HostPort> parse_host_port(std::string_view text) {
    std::string_view host;
    std::string_view port;
    const bool bracketed = text.starts_with("[");
    if (bracketed) {
        const auto close = text.find("]:");
        if (close == std::string_view::npos) return std::nullopt;
        host = text.substr(1, close - 1);
        port = text.substr(close + 2);
    } else {
        const auto colon = text.find(':');
        if (colon == std::string_view::npos || text.rfind(':') != colon) return std::nullopt;
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    unsigned number = 0;
    const auto [end, err] = std::from_chars(port.data(), port.data() + port.size(), number);
    if (err != std::errc() || end != port.data() + port.size() || number == 0 || number > 65535)
        return std::nullopt;
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(host), ec);
    if (ec || address.is_v6() != bracketed) return std::nullopt;
    return HostPort{address, static_cast<std::uint16_t>(number)};
}

}  // namespace rempart
