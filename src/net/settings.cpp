// Reads [server] and [limits].
#include "net/settings.hpp"

#include "core/config.hpp"
#include "core/host_port.hpp"

namespace rempart::net {
namespace {

// "127.0.0.1:8080" or "[::1]:8080".
bool is_listen_address(std::string_view text) {
    return parse_host_port(text).has_value();
}

// http:// or https:// and a host.
bool is_base_url(std::string_view url) {
    const bool scheme = url.starts_with("http://") || url.starts_with("https://");
    return scheme && url.size() > url.find("://") + 3 &&
           url.find_first_of(" \t\"<>") == std::string_view::npos;
}

}  // namespace

ServerSettings read_server_settings(config::File& file) {
    ServerSettings settings;
    auto server = file.section("server");
    server.text("listen", settings.listen,
                "\"host:port\" with an IP address, such as \"127.0.0.1:8080\" or \"[::1]:8080\"",
                &is_listen_address);
    if (server.text("base_url", settings.base_url,
                    "a URL such as \"https://petitions.example.org\"", &is_base_url))
        while (settings.base_url.ends_with("/")) settings.base_url.pop_back();
    server.networks("trusted_proxies", settings.trusted_proxies);
    server.integer("threads", 0, 256, settings.threads);
    server.path("tls_cert", settings.tls_cert);
    server.path("tls_key", settings.tls_key);
    server.duration("shutdown_grace_s", 0, 600, settings.shutdown_grace);
    if (settings.tls_cert.empty() != settings.tls_key.empty())
        server.refuse("tls_cert and tls_key go together: set both to serve HTTPS, or neither");
    return settings;
}

Limits read_limits(config::File& file) {
    Limits limits;
    auto section = file.section("limits");
    section.integer("header_bytes", 512, 1 << 20, limits.header_bytes);
    section.integer("body_bytes", 1, 64 << 20, limits.body_bytes);
    section.duration("header_timeout_s", 1, 3600, limits.header_timeout);
    section.duration("body_timeout_s", 1, 3600, limits.body_timeout);
    section.duration("idle_timeout_s", 1, 3600, limits.idle_timeout);
    section.duration("write_timeout_s", 1, 3600, limits.write_timeout);
    section.integer("max_connections", 1, 1'000'000, limits.max_connections);
    section.integer("max_connections_per_ip", 1, 1'000'000, limits.max_connections_per_ip);
    section.integer("send_buffer_bytes", 0, 64 << 20, limits.send_buffer_bytes);
    section.integer("max_requests_per_connection", 1, 100'000'000,
                    limits.max_requests_per_connection);
    return limits;
}

}  // namespace rempart::net
