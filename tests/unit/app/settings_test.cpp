// Tests for app/settings: the whole rempart.toml, every module reading its own sections.
#include "app/settings.hpp"

#include <gtest/gtest.h>

#include <filesystem>
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
contact_email = "contact@velo.example"
postal_address = "1 rue de la Paix, Paris"
hosting_provider = "OVH"
terms_version = "2027-01-01"
privacy_version = "2027-01-02"
[mail]
transport = "smtp"
maildir = "spool/mail"
smtp_url = "smtp://127.0.0.1:2525"
from = "petitions@velo.example"
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

    EXPECT_EQ(config->server.trusted_proxies[2], "::1");  // kept as written: one host
    EXPECT_EQ(config->server.shutdown_grace, std::chrono::seconds(5));
    EXPECT_EQ(config->limits.header_bytes, 4096u);
    EXPECT_EQ(config->limits.header_timeout, std::chrono::seconds(3));
    EXPECT_EQ(config->limits.body_timeout, std::chrono::seconds(4));
    EXPECT_EQ(config->limits.write_timeout, std::chrono::seconds(6));
    EXPECT_EQ(config->limits.max_connections, 100u);
    EXPECT_EQ(config->limits.max_connections_per_ip, 7u);
    EXPECT_EQ(config->storage.data_dir, "/var/lib/rempart");
    EXPECT_EQ(config->site.default_language, "en");
    EXPECT_EQ(config->site.controller, "Association Vélo Cité");
    EXPECT_EQ(config->site.contact_email, "contact@velo.example");
    EXPECT_EQ(config->site.postal_address, "1 rue de la Paix, Paris");
    EXPECT_EQ(config->site.hosting_provider, "OVH");
    EXPECT_EQ(config->site.terms_version, "2027-01-01");
    EXPECT_EQ(config->site.privacy_version, "2027-01-02");
    EXPECT_EQ(config->mail.maildir, "spool/mail");  // relative paths stay as written
    EXPECT_EQ(config->mail.from, "petitions@velo.example");
    EXPECT_EQ(config->mail.admin_alerts_to, std::vector<std::string>{"a@example.org"});
    EXPECT_EQ(config->dns.checker.servers, std::vector<std::string>{"127.0.0.1:5353"});
    EXPECT_EQ(config->shield.asn_table, "asn.csv");
    EXPECT_EQ(config->log.file, "rempart.log");
}

TEST(ConfigLoading, UnknownSectionNamesItsLine) {
    EXPECT_EQ(detail_of("[server]\nthreads = 1\n[sever]\n"),
              "rempart.toml:3:1: unknown section [sever]");
}

TEST(ConfigLoading, KeyOutsideAnySectionIsUnknown) {
    const auto detail = detail_of("listen = \"127.0.0.1:8080\"\n");
    EXPECT_NE(detail.find("rempart.toml:1:1: unknown key listen"), std::string::npos) << detail;
}

TEST(ConfigLoading, UnknownSectionIsRefused) {
    const auto detail = detail_of("[sever]\nlisten = \"127.0.0.1:1\"\n");
    EXPECT_NE(detail.find("unknown section [sever]"), std::string::npos) << detail;
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

// Every section is some module's: none is refused as unknown when written empty.
TEST(ConfigLoading, EverySectionHasItsReader) {
    for (const char* section :
         {"server", "limits", "storage", "site", "mail", "dns", "shield", "admin", "traffic",
          "gate", "shedding", "metrics", "detect", "log"}) {
        const auto config = parse_config("[" + std::string(section) + "]\n", "rempart.toml");
        EXPECT_TRUE(config.ok()) << section << ": " << config.error().detail;
    }
}

// Checks across keys come after every key on its own, in the modules' order.
TEST(ConfigLoading, KeysThatDoNotGoTogetherAreReportedInOrder) {
    const auto both = parse_config(
        "[admin]\nsession_idle_s = 100\nsession_lifetime_s = 50\n[server]\ntls_cert = \"c.pem\"\n",
        "rempart.toml");
    ASSERT_FALSE(both.ok());
    EXPECT_TRUE(both.error().detail.starts_with("rempart.toml: [server] tls_cert and tls_key"))
        << both.error().detail;
    const auto and_a_bad_key = parse_config(
        "[server]\ntls_cert = \"c.pem\"\n[storage]\nwrite_queue = 1\n", "rempart.toml");
    ASSERT_FALSE(and_a_bad_key.ok());
    EXPECT_TRUE(and_a_bad_key.error().detail.starts_with("rempart.toml:4:1: [storage] write_queue"))
        << and_a_bad_key.error().detail;
}

TEST(ConfigLoading, LoadsAFileAndNamesItInErrors) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("rempart-settings-test-" +
                       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".toml");
    std::ofstream(file) << "[storage]\ndata_dir = \"var/data\"\n";
    auto config = load_config(file);
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->storage.data_dir, "var/data");

    std::ofstream(file) << "[storage]\ndata_dir = 1\n";
    config = load_config(file);
    std::filesystem::remove(file);
    ASSERT_FALSE(config.ok());
    EXPECT_TRUE(config.error().detail.starts_with(file.string() + ":2:1: [storage] data_dir"))
        << config.error().detail;
}

}  // namespace
}  // namespace rempart
