// Reads [dns].
#include "dns/settings.hpp"

#include "core/config.hpp"
#include "core/host_port.hpp"

namespace rempart::dns {
namespace {

// "127.0.0.1:53" or "[::1]:53": an IP address (IPv6 bracketed) and a port from 1 to 65535.
bool is_server(std::string_view text) {
    return parse_host_port(text).has_value();
}

}  // namespace

DnsSettings read_dns_settings(config::File& file) {
    DnsSettings settings;
    auto dns = file.section("dns");
    dns.texts("servers", settings.checker.servers, "\"host:port\" strings such as \"127.0.0.1:53\"",
              &is_server);
    dns.flag("check_mx", settings.check_mx);
    dns.duration("timeout_ms", 50, 30000, settings.checker.timeout);
    return settings;
}

}  // namespace rempart::dns
