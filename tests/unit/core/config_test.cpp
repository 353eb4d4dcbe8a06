// Tests for core/config: defaults, every section, and refusals that name the key and line.
#include "core/config.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace rempart {
namespace {

std::string detail_of(std::string_view toml) {
    const auto config = parse_config(toml, "rempart.toml");
    return config ? std::string() : config.error().detail;
}

TEST(ConfigLoading, EmptyFileGivesTheDefaults) {
    const auto config = parse_config("", "rempart.toml");
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config->server.listen, "127.0.0.1:8080");
    EXPECT_EQ(config->storage.data_dir, "data");
    EXPECT_EQ(config->limits.header_bytes, 8u * 1024);
    EXPECT_EQ(config->site.default_language, "fr");
}

TEST(ConfigLoading, ReadsEverySection) {
    const auto config = parse_config(R"(
[server]
listen = "[::1]:9000"
base_url = "https://petitions.example.org/"
trusted_proxies = ["127.0.0.1/32", "10.0.0.0/8", "::1"]
threads = 4
shutdown_grace_s = 5
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
[storage]
data_dir = "/var/lib/rempart"
group_commit_ms = 0
[site]
name = "Vélo Cité"
default_language = "en"
controller = "Association Vélo Cité"
[mail]
transport = "smtp"
smtp_url = "smtp://127.0.0.1:2525"
admin_alerts_to = ["a@example.org"]
[dns]
servers = ["127.0.0.1:5353"]
check_mx = false
[shield]
asn_table = "asn.csv"
[log]
level = "debug"
file = "rempart.log"
)",
                                     "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->server.listen, "[::1]:9000");
    EXPECT_EQ(config->server.base_url, "https://petitions.example.org");
    EXPECT_EQ(config->server.trusted_proxies.size(), 3u);
    EXPECT_EQ(config->server.threads, 4u);
    EXPECT_EQ(config->limits.body_bytes, 1000u);
    EXPECT_EQ(config->limits.idle_timeout, std::chrono::seconds(5));
    EXPECT_EQ(config->limits.max_requests_per_connection, 8u);
    EXPECT_EQ(config->storage.group_commit_window, std::chrono::milliseconds(0));
    EXPECT_EQ(config->site.name, "Vélo Cité");
    EXPECT_EQ(config->mail.transport, "smtp");
    EXPECT_FALSE(config->dns.check_mx);
    EXPECT_EQ(config->log.level, "debug");
}

TEST(ConfigLoading, UnknownKeyNamesKeyAndLine) {
    const auto detail = detail_of("[server]\nlisten = \"127.0.0.1:1\"\nlisen = \"x\"\n");
    EXPECT_NE(detail.find("rempart.toml:3:"), std::string::npos) << detail;
    EXPECT_NE(detail.find("unknown key [server] lisen"), std::string::npos) << detail;
}

TEST(ConfigLoading, UnknownSectionIsRefused) {
    const auto detail = detail_of("[sever]\nlisten = \"127.0.0.1:1\"\n");
    EXPECT_NE(detail.find("unknown section [sever]"), std::string::npos) << detail;
}

TEST(ConfigLoading, WrongTypeNamesWhatWasExpected) {
    const auto detail = detail_of("[limits]\n\nheader_bytes = \"big\"\n");
    EXPECT_NE(detail.find("rempart.toml:3:"), std::string::npos) << detail;
    EXPECT_NE(detail.find("[limits] header_bytes: expected a whole number"), std::string::npos)
        << detail;
    EXPECT_NE(detail.find("got \"big\""), std::string::npos) << detail;
}

TEST(ConfigLoading, BadValuesAreRefused) {
    for (const char* toml : {
             "[server]\nlisten = \"127.0.0.1:0\"",
             "[server]\nlisten = \"127.0.0.1:70000\"",
             "[server]\nlisten = \"nope\"",
             "[server]\nbase_url = \"ftp://x\"",
             "[server]\ntrusted_proxies = [\"10.0.0.0/33\"]",
             "[server]\ntrusted_proxies = \"10.0.0.0/8\"",
             "[server]\nthreads = -1",
             "[site]\ndefault_language = \"de\"",
             "[mail]\ntransport = \"pigeon\"",
             "[limits]\nbody_bytes = 0",
             "[limits]\nmax_connections = 0",
             "[limits]\nheader_timeout_s = 0",
             "[dns]\ncheck_mx = \"yes\"",
             "[dns]\nservers = [\"localhost\"]",
             "[log]\nlevel = \"loud\"",
             "server = 1",
         }) {
        EXPECT_FALSE(parse_config(toml, "rempart.toml").ok()) << toml;
    }
}

TEST(ConfigLoading, SyntaxErrorGivesLineAndColumn) {
    const auto detail = detail_of("[server]\nlisten = \"unterminated\n");
    EXPECT_NE(detail.find("rempart.toml:2:"), std::string::npos) << detail;
}

TEST(ConfigLoading, MissingFileIsAClearError) {
    const auto config = load_config("/nonexistent/rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().detail.find("/nonexistent/rempart.toml"), std::string::npos);
}

}  // namespace
}  // namespace rempart
