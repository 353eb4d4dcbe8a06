// Tests for core/config: defaults, every section, and refusals that name the key and line.
#include "core/config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <utility>

#include "core/errors.hpp"

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
    EXPECT_EQ(config->dns.servers, std::vector<std::string>{"127.0.0.1:5353"});
    EXPECT_EQ(config->shield.asn_table, "asn.csv");
    EXPECT_EQ(config->log.file, "rempart.log");
}

TEST(ConfigLoading, EmptyMaildirStaysEmptyForTheAppToDerive) {
    const auto config = parse_config("[mail]\ntransport = \"maildir\"\n", "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_TRUE(config->mail.maildir.empty());
}

TEST(ConfigLoading, BadValueNamesFileLineKeyExpectationAndValue) {
    const auto config =
        parse_config("[server]\nthreads = 2\n\nlisten = \"nope\"\n", "rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::bad_value);
    EXPECT_TRUE(config.error().detail.starts_with(
        "rempart.toml:4:1: [server] listen: expected \"host:port\""))
        << config.error().detail;
    EXPECT_TRUE(config.error().detail.ends_with(", got \"nope\"")) << config.error().detail;
}

TEST(ConfigLoading, UnknownKeyMessageIsJustTheKey) {
    const auto config = parse_config("[server]\n\n\n\n\n\nlisen = \"x\"\n", "rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::unknown_key);
    EXPECT_EQ(config.error().detail, "rempart.toml:7:1: unknown key [server] lisen");
}

TEST(ConfigLoading, UnknownSectionNamesItsLine) {
    EXPECT_EQ(detail_of("[server]\nthreads = 1\n[sever]\n"),
              "rempart.toml:3:1: unknown section [sever]");
}

TEST(ConfigLoading, KeyOutsideAnySectionIsUnknown) {
    const auto detail = detail_of("listen = \"127.0.0.1:8080\"\n");
    EXPECT_NE(detail.find("rempart.toml:1:1: unknown key listen"), std::string::npos) << detail;
}

TEST(ConfigLoading, NestedTableInsideASectionIsUnknown) {
    const auto detail = detail_of("[server.tls]\ncert = \"x\"\n");
    EXPECT_NE(detail.find("unknown key [server] tls"), std::string::npos) << detail;
}

TEST(ConfigLoading, EachBadValueNamesItsKey) {
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
        {"[storage]\ngroup_commit_ms = 1001", "[storage] group_commit_ms: expected"},
        {"[storage]\ndata_dir = 3", "[storage] data_dir: expected a string, got 3"},
        {"[site]\ndefault_language = \"de\"", "[site] default_language: expected one of"},
        {"[site]\nname = true", "[site] name: expected a string, got true"},
        {"[mail]\ntransport = \"pigeon\"", "got \"pigeon\""},
        {"[mail]\nadmin_alerts_to = \"a@example.org\"", "[mail] admin_alerts_to: expected"},
        {"[dns]\nservers = [\"127.0.0.1\"]", "[dns] servers: expected"},
        {"[dns]\ncheck_mx = 1", "[dns] check_mx: expected true or false"},
        {"[log]\nlevel = \"loud\"", "[log] level: expected one of"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_EQ(config.error().code, ConfigError::bad_value) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(ConfigLoading, ValuesAtTheirBoundsAreAccepted) {
    const auto config = parse_config(R"(
[server]
listen = "0.0.0.0:65535"
threads = 256
trusted_proxies = ["0.0.0.0/0", "10.0.0.0/32", "::/0", "2001:db8::/128"]
[limits]
max_connections = 1
[storage]
group_commit_ms = 1000
)",
                                     "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->server.listen, "0.0.0.0:65535");
    EXPECT_EQ(config->server.threads, 256u);
    EXPECT_EQ(config->storage.group_commit_window, std::chrono::milliseconds(1000));
}

TEST(ConfigLoading, SyntaxErrorNamesLineAndColumn) {
    const auto config = parse_config("[server]\nthreads = = 2\n", "rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::syntax);
    EXPECT_TRUE(config.error().detail.starts_with("rempart.toml:2:")) << config.error().detail;
    // "rempart.toml:2:11: ..." — file, line and column before the description.
    const auto& detail = config.error().detail;
    EXPECT_GE(std::count(detail.begin(), detail.end(), ':'), 3) << detail;
}

TEST(ConfigLoading, DuplicateKeyIsASyntaxError) {
    const auto detail = detail_of("[server]\nthreads = 1\nthreads = 2\n");
    EXPECT_TRUE(detail.starts_with("rempart.toml:3:")) << detail;
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
    EXPECT_EQ(config.error().code, ConfigError::unreadable);
    EXPECT_EQ(config.error().detail,
              "cannot read config file /nonexistent/rempart.toml: No such file or directory");
}

TEST(ConfigLoading, DirectoryIsNotAConfigFile) {
    const auto config = load_config(std::filesystem::temp_directory_path());
    ASSERT_FALSE(config.ok());
    EXPECT_NE(config.error().detail.find("it is a directory"), std::string::npos);
}

TEST(ConfigLoading, LoadsAFileAndNamesItInErrors) {
    const auto file = std::filesystem::temp_directory_path() /
                      ("rempart-config-test-" +
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

TEST(ConfigLoading, TlsCertificateAndKeyGoTogether) {
    EXPECT_TRUE(
        parse_config("[server]\ntls_cert = \"c.pem\"\ntls_key = \"k.pem\"\n", "r.toml").ok());
    const auto alone = parse_config("[server]\ntls_cert = \"c.pem\"\n", "r.toml");
    ASSERT_FALSE(alone.ok());
    EXPECT_NE(alone.error().detail.find("tls_key"), std::string::npos);
}

TEST(ConfigLoading, ProofOfWorkSettings) {
    const auto config =
        parse_config("[shield]\npow_max_number = 20000\npow_expiry_s = 300\n", "r.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->shield.pow_max_number, 20000u);
    EXPECT_EQ(config->shield.pow_expiry, std::chrono::seconds(300));
    EXPECT_FALSE(parse_config("[shield]\npow_max_number = 0\n", "r.toml").ok());
    EXPECT_FALSE(parse_config("[shield]\npow_expiry_s = 5\n", "r.toml").ok());
}

}  // namespace
}  // namespace rempart

namespace rempart {
namespace {

TEST(ConfigLoading, SigningRateLimitsAndMailSettings) {
    const auto config = parse_config(
        "[shield]\nsign_per_ip = { per_minute = 3, burst = 4 }\n"
        "sign_per_as = { burst = 9 }\ndisposable_block = [\"spam.example\"]\n"
        "[mail]\nsmtp_username = \"u\"\nsmtp_password = \"p\"\nsmtp_timeout_s = 5\n"
        "[dns]\ntimeout_ms = 300\n",
        "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->shield.sign_limits.per_ip, (RateSetting{3, 4}));
    EXPECT_EQ(config->shield.sign_limits.per_as.burst, 9);
    EXPECT_EQ(config->shield.sign_limits.per_as.per_minute,
              SigningRateSettings{}.per_as.per_minute);
    EXPECT_EQ(config->shield.disposable_block, std::vector<std::string>{"spam.example"});
    EXPECT_EQ(config->mail.smtp_username, "u");
    EXPECT_EQ(config->mail.smtp_timeout, std::chrono::seconds(5));
    EXPECT_EQ(config->dns.timeout, std::chrono::milliseconds(300));
}

TEST(ConfigLoading, BadRateLimitsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[shield]\nsign_per_ip = 10", "[shield] sign_per_ip: expected a rate"},
        {"[shield]\nsign_per_ip = { per_minute = 0 }", "sign_per_ip.per_minute: expected"},
        {"[shield]\nsign_per_ip = { per_hour = 5 }", "unknown key per_hour"},
        {"[shield]\nsign_per_domain = { burst = \"lots\" }", "sign_per_domain.burst"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

}  // namespace
}  // namespace rempart

namespace rempart {
namespace {

TEST(ConfigLoading, BackOfficeSettings) {
    const auto defaults = parse_config("", "r.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->admin.session_idle, std::chrono::minutes(30));
    EXPECT_EQ(defaults->admin.session_lifetime, std::chrono::hours(12));
    const auto config = parse_config(
        "[admin]\nsession_idle_s = 2\nsession_lifetime_s = 60\n"
        "login_per_ip = { per_minute = 1, burst = 3 }\nlogin_per_account = { burst = 2 }\n"
        "password_threads = 1\npassword_queue = 4\n",
        "r.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->admin.session_idle, std::chrono::seconds(2));
    EXPECT_EQ(config->admin.session_lifetime, std::chrono::seconds(60));
    EXPECT_EQ(config->admin.login_per_ip, (RateSetting{1, 3}));
    EXPECT_EQ(config->admin.login_per_account.burst, 2);
    EXPECT_EQ(config->admin.password_threads, 1u);
    EXPECT_EQ(config->admin.password_queue, 4u);
}

TEST(ConfigLoading, LoginThrottleSettings) {
    const auto defaults = parse_config("", "r.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->admin.login_free_failures, 5u);
    EXPECT_EQ(defaults->admin.login_backoff_first, std::chrono::seconds(5));
    EXPECT_EQ(defaults->admin.login_backoff_max, std::chrono::hours(1));
    EXPECT_EQ(defaults->admin.login_alert_after, 20u);
    EXPECT_EQ(defaults->admin.login_failures_kept, std::chrono::hours(24));
    EXPECT_EQ(defaults->admin.password_queue_per_network, 2u);
    const auto config = parse_config(
        "[admin]\nlogin_free_failures = 0\nlogin_backoff_first_s = 2\nlogin_backoff_max_s = 60\n"
        "login_alert_after = 3\nlogin_failures_kept_s = 600\npassword_queue_per_network = 1\n",
        "r.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->admin.login_free_failures, 0u);
    EXPECT_EQ(config->admin.login_backoff_first, std::chrono::seconds(2));
    EXPECT_EQ(config->admin.login_backoff_max, std::chrono::seconds(60));
    EXPECT_EQ(config->admin.login_alert_after, 3u);
    EXPECT_EQ(config->admin.login_failures_kept, std::chrono::minutes(10));
    EXPECT_EQ(config->admin.password_queue_per_network, 1u);
}

TEST(ConfigLoading, LoginThrottleSettingsOnePastTheirBounds) {
    const std::pair<const char*, const char*> cases[] = {
        {"[admin]\nlogin_free_failures = 1001", "login_free_failures"},
        {"[admin]\nlogin_backoff_first_s = 0", "login_backoff_first_s"},
        {"[admin]\nlogin_backoff_max_s = 604801", "login_backoff_max_s"},
        {"[admin]\nlogin_alert_after = 0", "login_alert_after"},
        {"[admin]\nlogin_failures_kept_s = 59", "login_failures_kept_s"},
        {"[admin]\npassword_queue_per_network = 0", "password_queue_per_network"},
        {"[admin]\nlogin_backoff_first_s = 61\nlogin_backoff_max_s = 60", "pass the cap"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
    EXPECT_TRUE(parse_config("[admin]\nlogin_backoff_first_s = 60\nlogin_backoff_max_s = 60",
                             "rempart.toml")
                    .ok());
}

TEST(ConfigLoading, BadBackOfficeSettingsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[admin]\nsession_idle_s = 0", "session_idle_s"},
        {"[admin]\npassword_threads = 0", "password_threads"},
        {"[admin]\npassword_threads = 64", "password_threads"},
        {"[admin]\npassword_queue = 0", "password_queue"},
        {"[admin]\nlogin_per_ip = 5", "login_per_ip"},
        {"[admin]\nsession_idle_s = 100\nsession_lifetime_s = 50", "never apply"},
        {"[admin]\nlogin_timeout = 5", "unknown key [admin] login_timeout"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(ConfigLoading, TrafficGateAndSheddingSettings) {
    const auto defaults = parse_config("", "r.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->traffic.page_per_ip, 240u);
    EXPECT_EQ(defaults->gate.mode, "auto");
    EXPECT_EQ(defaults->gate.known_after, std::chrono::minutes(10));
    EXPECT_EQ(defaults->shedding.queue_low, 8u);
    EXPECT_EQ(defaults->limits.send_buffer_bytes, 256u * 1024);
    const auto config = parse_config(R"(
[shield]
asn_table_extra = ["site-networks.csv"]
[limits]
send_buffer_bytes = 0
[traffic]
page_per_ip = 50
page_per_network = 200
page_per_as = 3000
api_per_ip = 10
api_per_network = 40
api_per_as = 400
network_share_percent = 10
as_share_percent = 30
per_clearance = { per_minute = 120, burst = 60 }
[gate]
mode = "on"
pow_max_number = 20000
wait_s = 2
clearance_lifetime_s = 600
surge_min_rate = 50
surge_factor = 4
unknown_share_percent = 70
surge_s = 3
load_s = 2
calm_s = 30
known_after_s = 0
[shedding]
lag_low_ms = 10
lag_normal_ms = 50
queue_low = 2
queue_normal = 6
retry_after_s = 7
)",
                                     "r.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->traffic.page_per_ip, 50u);
    EXPECT_EQ(config->traffic.api_per_as, 400u);
    EXPECT_EQ(config->traffic.as_share_percent, 30u);
    EXPECT_EQ(config->traffic.per_clearance, (RateSetting{120, 60}));
    EXPECT_EQ(config->gate.mode, "on");
    EXPECT_EQ(config->gate.pow_max_number, 20000u);
    EXPECT_EQ(config->gate.wait, std::chrono::seconds(2));
    EXPECT_EQ(config->gate.clearance_lifetime, std::chrono::minutes(10));
    EXPECT_EQ(config->gate.surge_factor, 4u);
    EXPECT_EQ(config->gate.unknown_share_percent, 70u);
    EXPECT_EQ(config->gate.load_duration, std::chrono::seconds(2));
    EXPECT_EQ(config->gate.calm_duration, std::chrono::seconds(30));
    EXPECT_EQ(config->gate.known_after, std::chrono::seconds(0));
    EXPECT_EQ(config->shedding.lag_normal, std::chrono::milliseconds(50));
    EXPECT_EQ(config->shedding.queue_normal, 6u);
    EXPECT_EQ(config->shedding.retry_after, std::chrono::seconds(7));
    EXPECT_EQ(config->limits.send_buffer_bytes, 0u);  // the kernel's autotuning
    EXPECT_EQ(config->shield.asn_table_extra, std::vector<std::string>{"site-networks.csv"});
}

TEST(ConfigLoading, BadTrafficGateAndSheddingSettingsNameTheirKey) {
    const std::pair<const char*, const char*> cases[] = {
        {"[traffic]\npage_per_ip = 0", "page_per_ip"},
        {"[traffic]\nnetwork_share_percent = 101", "network_share_percent"},
        {"[traffic]\nper_clearance = 5", "per_clearance"},
        {"[gate]\nmode = \"always\"", "mode"},
        {"[gate]\nclearance_lifetime_s = 10", "clearance_lifetime_s"},
        {"[gate]\nsurge_factor = 1", "surge_factor"},
        {"[gate]\nwait_s = 61", "wait_s"},
        {"[shedding]\nqueue_low = 0", "queue_low"},
        {"[shedding]\nqueue_low = 40\nqueue_normal = 10", "low bounds"},
        {"[shedding]\nlag_low_ms = 200", "low bounds"},
        {"[gate]\nthreshold = 5", "unknown key [gate] threshold"},
        {"[limits]\nsend_buffer_bytes = -1", "send_buffer_bytes"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(ConfigLoading, JunkDefenceSettingsAndTheirBounds) {
    const auto defaults = parse_config("", "rempart.toml");
    ASSERT_TRUE(defaults.ok());
    EXPECT_EQ(defaults->storage.write_queue, 20000u);
    EXPECT_EQ(defaults->shield.mails_per_mailbox_per_day, 5u);
    EXPECT_EQ(defaults->traffic.sign_posts_per_ip, 120u);
    EXPECT_EQ(defaults->traffic.sign_posts_per_network, 600u);
    EXPECT_EQ(defaults->traffic.sign_posts_per_as, 6000u);
    // At their bounds: taken.
    const auto edges = parse_config(
        "[storage]\nwrite_queue = 16\n[shield]\nmails_per_mailbox_per_day = 1000\n"
        "[traffic]\nsign_posts_per_ip = 1\nsign_posts_per_network = 1000000000\n"
        "sign_posts_per_as = 1\n",
        "rempart.toml");
    ASSERT_TRUE(edges.ok()) << edges.error().detail;
    EXPECT_EQ(edges->storage.write_queue, 16u);
    EXPECT_EQ(edges->shield.mails_per_mailbox_per_day, 1000u);
    EXPECT_EQ(edges->traffic.sign_posts_per_network, 1000000000u);
    // One past: refused, naming the key.
    const std::pair<const char*, const char*> cases[] = {
        {"[storage]\nwrite_queue = 15", "write_queue"},
        {"[shield]\nmails_per_mailbox_per_day = 0", "mails_per_mailbox_per_day"},
        {"[shield]\nmails_per_mailbox_per_day = 1001", "mails_per_mailbox_per_day"},
        {"[traffic]\nsign_posts_per_ip = 0", "sign_posts_per_ip"},
        {"[traffic]\nsign_posts_per_network = 1000000001", "sign_posts_per_network"},
        {"[traffic]\nsign_posts_per_as = 0", "sign_posts_per_as"},
    };
    for (const auto& [toml, expected] : cases) {
        const auto config = parse_config(toml, "rempart.toml");
        ASSERT_FALSE(config.ok()) << toml;
        EXPECT_NE(config.error().detail.find(expected), std::string::npos)
            << toml << "\n  gave: " << config.error().detail;
    }
}

TEST(ConfigLoading, MetricsAnswerLoopbackAndAskNoTokenByDefault) {
    const auto config = parse_config("", "rempart.toml");
    ASSERT_TRUE(config.ok());
    EXPECT_EQ(config->metrics.allow, (std::vector<std::string>{"127.0.0.0/8", "::1"}));
    EXPECT_TRUE(config->metrics.bearer_token.empty());
}

TEST(ConfigLoading, MetricsReadersAndTheirToken) {
    const std::string token(min_bearer_token_chars, 'a');
    const auto config = parse_config(
        "[metrics]\nallow = [\"10.0.0.0/8\", \"2001:db8::/32\"]\n"
        "bearer_token = \"" +
            token + "\"\n",
        "rempart.toml");
    ASSERT_TRUE(config.ok()) << config.error().detail;
    EXPECT_EQ(config->metrics.allow, (std::vector<std::string>{"10.0.0.0/8", "2001:db8::/32"}));
    EXPECT_EQ(config->metrics.bearer_token, token);
    const auto base64 = parse_config(
        "[metrics]\nbearer_token = \"Zm9vYmFy-._~+/Zm9vYmFyZm9vYmFyZm9vYmFy==\"\n", "r.toml");
    EXPECT_TRUE(base64.ok()) << base64.error().detail;
}

TEST(ConfigLoading, AShortOrUnsendableMetricsTokenIsRefusedWithoutBeingRepeated) {
    const std::string one_short(min_bearer_token_chars - 1, 'a');
    const auto config =
        parse_config("[metrics]\n\nbearer_token = \"" + one_short + "\"\n", "rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::bad_value);
    EXPECT_TRUE(config.error().detail.starts_with("rempart.toml:3:1: [metrics] bearer_token: "))
        << config.error().detail;
    EXPECT_TRUE(config.error().detail.ends_with("got 31 characters")) << config.error().detail;
    EXPECT_EQ(config.error().detail.find(one_short), std::string::npos);
    for (const auto* token : {"with a space in the middle of it, long enough......",
                              "\\\"quoted\\\"0123456789012345678901234567890123",
                              "==============================================", "=abc"}) {
        const auto refused = parse_config(
            std::string("[metrics]\nbearer_token = \"") + token + "\"\n", "rempart.toml");
        ASSERT_FALSE(refused.ok()) << token;
        EXPECT_NE(refused.error().detail.find("[metrics] bearer_token: expected"),
                  std::string::npos)
            << refused.error().detail;
    }
    EXPECT_FALSE(parse_config("[metrics]\nbearer_token = 12345", "rempart.toml").ok());
    // Written out as the default: none asked for.
    const auto none = parse_config("[metrics]\nbearer_token = \"\"", "rempart.toml");
    ASSERT_TRUE(none.ok()) << none.error().detail;
    EXPECT_TRUE(none->metrics.bearer_token.empty());
}

TEST(ConfigLoading, BadMetricsNetworksNameTheirPlace) {
    const auto config =
        parse_config("[metrics]\nallow = [\"127.0.0.1/32\", \"10.0.0.0/33\"]\n", "rempart.toml");
    ASSERT_FALSE(config.ok());
    EXPECT_EQ(config.error().code, ConfigError::bad_value);
    EXPECT_TRUE(config.error().detail.starts_with("rempart.toml:2:")) << config.error().detail;
    EXPECT_NE(config.error().detail.find("[metrics] allow: expected an array of networks"),
              std::string::npos)
        << config.error().detail;
    EXPECT_NE(config.error().detail.find("got \"10.0.0.0/33\""), std::string::npos);
    EXPECT_FALSE(parse_config("[metrics]\nallow = \"127.0.0.1\"", "rempart.toml").ok());
    EXPECT_FALSE(parse_config("[metrics]\nreaders = []", "rempart.toml").ok());
}

}  // namespace
}  // namespace rempart
