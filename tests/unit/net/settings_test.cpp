// Tests for net/settings: [server] and [limits], their defaults, bounds and refusals.
#include "net/settings.hpp"

#include <gtest/gtest.h>

#include <utility>

#include "core/config.hpp"

namespace rempart::net {
namespace {

Result<ServerSettings> parse_server(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_server_settings);
}

Result<Limits> parse_limits(std::string_view toml) {
    return config::parse(toml, "rempart.toml", read_limits);
}

std::string detail_of(Result<ServerSettings> server) {
    return server ? std::string() : server.error().detail;
}

TEST(ServerSettings, EmptyFileGivesTheDefaults) {
    const auto server = parse_server("");
    ASSERT_TRUE(server.ok());
    EXPECT_EQ(server->listen, "127.0.0.1:8080");
    const auto limits = parse_limits("");
    ASSERT_TRUE(limits.ok());
    EXPECT_EQ(limits->header_bytes, 8u * 1024);
    EXPECT_EQ(limits->send_buffer_bytes, 256u * 1024);
}

TEST(ServerSettings, ReadsEveryKey) {
    const auto server = parse_server(R"(
[server]
listen = "[::1]:9000"
base_url = "https://petitions.example.org/"
trusted_proxies = ["127.0.0.1/32", "10.0.0.0/8", "::1"]
threads = 4
shutdown_grace_s = 5
)");
    ASSERT_TRUE(server.ok()) << server.error().detail;
    EXPECT_EQ(server->listen, "[::1]:9000");
    EXPECT_EQ(server->base_url, "https://petitions.example.org");
    EXPECT_EQ(server->trusted_proxies.size(), 3u);
    EXPECT_EQ(server->threads, 4u);
    EXPECT_EQ(server->trusted_proxies[2], "::1");  // kept as written: one host
    EXPECT_EQ(server->shutdown_grace, std::chrono::seconds(5));
}

TEST(Limits, ReadsEveryKey) {
    const auto limits = parse_limits(R"(
[limits]
header_bytes = 4096
body_bytes = 1000
header_timeout_s = 3
body_timeout_s = 4
idle_timeout_s = 5
write_timeout_s = 6
max_connections = 100
max_connections_per_ip = 7
max_requests_per_connection = 8
send_buffer_bytes = 0
)");
    ASSERT_TRUE(limits.ok()) << limits.error().detail;
    EXPECT_EQ(limits->body_bytes, 1000u);
    EXPECT_EQ(limits->idle_timeout, std::chrono::seconds(5));
    EXPECT_EQ(limits->max_requests_per_connection, 8u);
    EXPECT_EQ(limits->header_bytes, 4096u);
    EXPECT_EQ(limits->header_timeout, std::chrono::seconds(3));
    EXPECT_EQ(limits->body_timeout, std::chrono::seconds(4));
    EXPECT_EQ(limits->write_timeout, std::chrono::seconds(6));
    EXPECT_EQ(limits->max_connections, 100u);
    EXPECT_EQ(limits->max_connections_per_ip, 7u);
    EXPECT_EQ(limits->send_buffer_bytes, 0u);  // the kernel's autotuning
}

TEST(ServerSettings, BadValueNamesFileLineKeyExpectationAndValue) {
    const auto server = parse_server("[server]\nthreads = 2\n\nlisten = \"nope\"\n");
    ASSERT_FALSE(server.ok());
    EXPECT_EQ(server.error().code, ConfigError::bad_value);
    EXPECT_TRUE(server.error().detail.starts_with(
        "rempart.toml:4:1: [server] listen: expected \"host:port\""))
        << server.error().detail;
    EXPECT_TRUE(server.error().detail.ends_with(", got \"nope\"")) << server.error().detail;
}

TEST(ServerSettings, UnknownKeyMessageIsJustTheKey) {
    const auto server = parse_server("[server]\n\n\n\n\n\nlisen = \"x\"\n");
    ASSERT_FALSE(server.ok());
    EXPECT_EQ(server.error().code, ConfigError::unknown_key);
    EXPECT_EQ(server.error().detail, "rempart.toml:7:1: unknown key [server] lisen");
}

TEST(ServerSettings, UnknownKeyNamesKeyAndLine) {
    const auto detail =
        detail_of(parse_server("[server]\nlisten = \"127.0.0.1:1\"\nlisen = \"x\"\n"));
    EXPECT_NE(detail.find("rempart.toml:3:"), std::string::npos) << detail;
    EXPECT_NE(detail.find("unknown key [server] lisen"), std::string::npos) << detail;
}

TEST(ServerSettings, NestedTableInsideASectionIsUnknown) {
    const auto detail = detail_of(parse_server("[server.tls]\ncert = \"x\"\n"));
    EXPECT_NE(detail.find("unknown key [server] tls"), std::string::npos) << detail;
}

TEST(ServerSettings, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[server]\nlisten = \"127.0.0.1:0\"", "[server] listen: expected"},
        {"[server]\nlisten = \"127.0.0.1:65536\"", "[server] listen: expected"},
        {"[server]\nlisten = \"127.0.0.1:70000\"", "got \"127.0.0.1:70000\""},
        {"[server]\nlisten = \"::1:8080\"", "[server] listen: expected"},
        {"[server]\nlisten = \"[127.0.0.1]:8080\"", "[server] listen: expected"},
        {"[server]\nlisten = \"localhost:8080\"", "[server] listen: expected"},
        {"[server]\nlisten = 8080", "got 8080"},
        {"[server]\nbase_url = \"example.org\"", "[server] base_url: expected a URL"},
        {"[server]\nbase_url = \"https://\"", "[server] base_url: expected a URL"},
        {"[server]\ntrusted_proxies = [\"10.0.0.0/33\"]", "got \"10.0.0.0/33\""},
        {"[server]\ntrusted_proxies = [\"::1/129\"]", "got \"::1/129\""},
        {"[server]\ntrusted_proxies = [\"10.0.0.0/\"]", "[server] trusted_proxies: expected"},
        {"[server]\ntrusted_proxies = [\"10.0.0/8\"]", "[server] trusted_proxies: expected"},
        {"[server]\ntrusted_proxies = [8]", "[server] trusted_proxies: expected"},
        {"[server]\nthreads = -1", "[server] threads: expected a whole number from 0 to 256"},
        {"[server]\nthreads = 257", "got 257"},
        {"[server]\nthreads = 1.5", "got 1.5"},
        {"[server]\nshutdown_grace_s = -1", "[server] shutdown_grace_s: expected"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto server = parse_server(toml);
        ASSERT_FALSE(server.ok()) << toml;
        EXPECT_EQ(server.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(server.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << server.error().detail;
    }
}

TEST(Limits, EachBadValueNamesItsKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[limits]\nheader_bytes = 0", "[limits] header_bytes: expected"},
        {"[limits]\nbody_bytes = 0", "[limits] body_bytes: expected"},
        {"[limits]\nheader_timeout_s = 0", "[limits] header_timeout_s: expected"},
        {"[limits]\nbody_timeout_s = 0", "[limits] body_timeout_s: expected"},
        {"[limits]\nidle_timeout_s = 0", "[limits] idle_timeout_s: expected"},
        {"[limits]\nwrite_timeout_s = 0", "[limits] write_timeout_s: expected"},
        {"[limits]\nmax_connections = 0", "[limits] max_connections: expected"},
        {"[limits]\nmax_connections_per_ip = 0", "[limits] max_connections_per_ip: expected"},
        {"[limits]\nmax_requests_per_connection = 0",
         "[limits] max_requests_per_connection: expected"},
        {"[limits]\nsend_buffer_bytes = -1", "send_buffer_bytes"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto limits = parse_limits(toml);
        ASSERT_FALSE(limits.ok()) << toml;
        EXPECT_EQ(limits.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(limits.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << limits.error().detail;
    }
}

TEST(ServerSettings, ValuesAtTheirBoundsAreAccepted) {
    const auto server = parse_server(R"(
[server]
listen = "0.0.0.0:65535"
threads = 256
trusted_proxies = ["0.0.0.0/0", "10.0.0.0/32", "::/0", "2001:db8::/128"]
)");
    ASSERT_TRUE(server.ok()) << server.error().detail;
    EXPECT_EQ(server->listen, "0.0.0.0:65535");
    EXPECT_EQ(server->threads, 256u);
    EXPECT_TRUE(parse_limits("[limits]\nmax_connections = 1\n").ok());
}

TEST(Limits, WrongTypeNamesWhatWasExpected) {
    const auto limits = parse_limits("[limits]\n\nheader_bytes = \"big\"\n");
    ASSERT_FALSE(limits.ok());
    const auto& detail = limits.error().detail;
    EXPECT_NE(detail.find("rempart.toml:3:"), std::string::npos) << detail;
    EXPECT_NE(detail.find("[limits] header_bytes: expected a whole number"), std::string::npos)
        << detail;
    EXPECT_NE(detail.find("got \"big\""), std::string::npos) << detail;
}

TEST(ServerSettings, TlsCertificateAndKeyGoTogether) {
    EXPECT_TRUE(config::parse("[server]\ntls_cert = \"c.pem\"\ntls_key = \"k.pem\"\n", "r.toml",
                              read_server_settings)
                    .ok());
    const auto alone =
        config::parse("[server]\ntls_cert = \"c.pem\"\n", "r.toml", read_server_settings);
    ASSERT_FALSE(alone.ok());
    EXPECT_NE(alone.error().detail.find("tls_key"), std::string::npos);
}

}  // namespace
}  // namespace rempart::net
