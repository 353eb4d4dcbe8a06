// Rempart's configuration: every setting with its safe default, and the TOML loader.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace rempart {

// Limits on what one client may cost us; each is checked one step past in the tests.
struct Limits {
    std::size_t header_bytes = 8 * 1024;             // 431 past this
    std::size_t body_bytes = 64 * 1024;              // 413 past this
    std::chrono::seconds header_timeout{10};         // the whole header must arrive in time
    std::chrono::seconds body_timeout{20};           // the whole body must arrive in time
    std::chrono::seconds idle_timeout{30};           // keep-alive wait for the next request
    std::chrono::seconds write_timeout{30};          // a client that does not read is cut
    std::size_t max_connections = 10000;             // over all clients; 503 past this
    std::size_t max_connections_per_ip = 64;         // 429 past this
    std::size_t max_requests_per_connection = 1000;  // then Connection: close
    // The kernel's send buffer for each connection (0: its own autotuning, up to MiBs). A
    // client that reads slowly then stalls our write, and the write timeout cuts it, rather
    // than pinning the whole answer in kernel memory.
    std::size_t send_buffer_bytes = 256 * 1024;
};

struct ServerConfig {
    std::string listen = "127.0.0.1:8080";
    std::string base_url = "http://127.0.0.1:8080";
    std::vector<std::string> trusted_proxies;  // CIDR; X-Forwarded-For honoured from these only
    unsigned threads = 0;                      // io threads; 0 means one per core
    std::chrono::seconds shutdown_grace{10};   // in-flight requests get this long on SIGTERM
    // PEM files; both set: Rempart speaks HTTPS itself (and sends HSTS). Usually a reverse
    // proxy holds the certificate and both stay empty.
    std::filesystem::path tls_cert;
    std::filesystem::path tls_key;
};

struct StorageConfig {
    std::filesystem::path data_dir = "data";
    std::chrono::milliseconds group_commit_window{2};  // how long the writer gathers writes
    // Writes from the public waiting for the writer, past which signing answers 503 with
    // Retry-After instead of letting a flood grow the queue (and memory) without end.
    std::size_t write_queue = 20000;
};

// Who runs the site: shown on every page and in the privacy and terms pages.
struct SiteConfig {
    std::string name = "Rempart";
    std::string default_language = "fr";  // "fr" or "en"
    std::string controller = "";          // data controller: the association's legal name
    std::string contact_email = "";
    std::string postal_address = "";
    std::string hosting_provider = "";
    std::string terms_version = "2026-11-01";
    std::string privacy_version = "2026-11-01";
};

struct MailConfig {
    std::string transport = "maildir";               // "maildir" or "smtp"
    std::filesystem::path maildir;                   // empty: <data_dir>/mail
    std::string smtp_url = "smtp://127.0.0.1:2525";  // smtps:// for TLS from the start
    std::string smtp_username;                       // empty: no authentication
    std::string smtp_password;
    std::chrono::seconds smtp_timeout{30};
    std::chrono::seconds retry_first{30};  // after a failure; doubled each time, up to an hour
    std::string from = "petitions@example.org";
    std::vector<std::string> admin_alerts_to;
};

struct DnsConfig {
    std::vector<std::string> servers;  // empty: the system's resolvers
    bool check_mx = true;
    std::chrono::milliseconds timeout{2000};  // per try; two tries before "unknown"
};

// `burst` at once, then `per_minute` a minute.
struct RateSetting {
    double per_minute = 60;
    double burst = 60;
    bool operator==(const RateSetting&) const = default;
};

// Signing rate limits. Defaults that a real petition going viral never hits (a television
// slot brings about 50 signatures a second, from thousands of networks, a third of them on
// one big ISP and through one big mail provider), while one machine or one small network
// scripting signatures is held to a few a minute.
struct SigningRateSettings {
    RateSetting per_ip{10, 20};              // a family or an office behind one address
    RateSetting per_network{60, 60};         // IPv4 /24, IPv6 /64
    RateSetting per_wide_network{120, 120};  // IPv6 /48
    RateSetting per_as{6000, 1000};          // a national ISP during a surge
    RateSetting per_domain{6000, 1000};      // gmail.com, orange.fr
    RateSetting per_petition{30000, 5000};   // the whole petition
};

struct ShieldConfig {
    std::filesystem::path asn_table;  // empty: the table shipped by npm
    // Files in the same format read on top of it (a site's own networks, a test's): where
    // their ranges overlap the table's, theirs win.
    std::vector<std::string> asn_table_extra;
    // Added to, or taken out of, the npm list of disposable e-mail domains.
    std::vector<std::string> disposable_block;
    std::vector<std::string> disposable_allow;
    // Proof of work: the browser tries on average half of this many hashes (about half a
    // second on a desktop, one or two on a phone); the server checks one.
    std::uint64_t pow_max_number = 10000;
    std::chrono::seconds pow_expiry{600};  // time to fill in the form after the challenge
    // Confirmation mails one mailbox gets a day (UTC), +tags and case folded, across every
    // petition; past this the signer sees the usual page and no mail is sent.
    std::size_t mails_per_mailbox_per_day = 5;
    SigningRateSettings sign_limits;
};

// The back office: session lifetimes, login limits, and the pool that hashes passwords.
struct AdminConfig {
    std::chrono::seconds session_idle{30 * 60};        // no request for this long: log in again
    std::chrono::seconds session_lifetime{12 * 3600};  // however active, log in again after this
    // Login attempts, counted before any password is checked, per client (its address for
    // IPv4, its /64 for IPv6) and per account tried, in the form that finds the account
    // (known or not, so the limit says nothing about which accounts exist).
    RateSetting login_per_ip{10, 10};
    RateSetting login_per_account{5, 5};
    // Failed logins for one account, wrong codes included: past the free ones, each failure
    // doubles the wait before the next try, up to the longest; at `login_alert_after` the
    // admins are mailed once. No failure for `login_failures_kept`: the count starts again.
    std::size_t login_free_failures = 5;                  // tries without waiting
    std::chrono::seconds login_backoff_first{5};          // 429 for this long after the next one
    std::chrono::seconds login_backoff_max{3600};         // the wait doubles up to this
    std::size_t login_alert_after = 20;                   // failures: one mail to the admins
    std::chrono::seconds login_failures_kept{24 * 3600};  // then a quiet account starts again
    // Argon2id takes ~170 ms and 64 MiB a hash: a few threads, and a short queue past which
    // logins get 503 rather than wait or eat the machine's memory.
    unsigned password_threads = 2;
    std::size_t password_queue = 16;
    // Hashes one IPv4 /24 or IPv6 /64 may have queued or running at once: 429 past this, so a
    // flood from one network leaves the queue to everyone else.
    std::size_t password_queue_per_network = 2;
};

// Page-view and API limits for every client, per minute. A network (IPv4 /24, IPv6 /64 or
// /48) or an AS may send the larger of its floor and its share of the site's usual total,
// so the limits follow the site's own traffic; eyeball ISPs have no AS limit.
struct TrafficConfig {
    // A household, or many behind a carrier's NAT: a cleared browser is counted apart.
    std::size_t page_per_ip = 240;
    std::size_t page_per_network = 600;
    std::size_t page_per_as = 6000;
    std::size_t api_per_ip = 60;
    std::size_t api_per_network = 300;
    std::size_t api_per_as = 3000;
    // Every POST to a signing form, valid or junk, before its body is looked at; well above
    // the signing limits in [shield], which count only what reaches the form.
    std::size_t sign_posts_per_ip = 120;
    std::size_t sign_posts_per_network = 600;
    std::size_t sign_posts_per_as = 6000;
    std::size_t network_share_percent = 5;
    std::size_t as_share_percent = 25;
    RateSetting per_clearance{300, 300};  // one browser that passed the gate
};

// The under-attack gate: a small page with a proof of work (or a short wait without
// JavaScript) in front of the public pages, on by itself during a wave.
struct GateConfig {
    std::string mode = "auto";             // "auto", "on" (always), "off" (never)
    std::uint64_t pow_max_number = 50000;  // ~16 bits: a second on a phone
    std::chrono::seconds wait{5};          // the way through without JavaScript
    std::chrono::seconds clearance_lifetime{4 * 3600};
    std::size_t surge_min_rate = 200;         // requests a second below which no wave is
    std::size_t surge_factor = 10;            // times the usual rate
    std::size_t unknown_share_percent = 50;   // of the surge from clients never seen before
    std::chrono::seconds surge_duration{5};   // that long, to switch on
    std::chrono::seconds load_duration{3};    // that long overloaded, to switch on
    std::chrono::seconds calm_duration{120};  // that long calm, to switch off
    std::chrono::seconds known_after{600};    // a network seen this long before is known
};

// Past the first bounds low-priority routes (search, uncached listings) get 503, past the
// second normal ones (the API) too; pages from memory, signing and confirming never.
struct SheddingConfig {
    std::chrono::milliseconds lag_low{25};  // how late the io threads run
    std::chrono::milliseconds lag_normal{100};
    std::size_t queue_low = 8;  // reads waiting for the database
    std::size_t queue_normal = 32;
    std::chrono::seconds retry_after{5};
};

// Who may read GET /metrics: its counters tell an attacker when and how it was seen.
// The address checked is the client's as found behind the trusted proxies, so a request
// a local proxy relays from outside is not loopback.
struct MetricsConfig {
    std::vector<std::string> allow = {"127.0.0.0/8", "::1"};  // networks; 403 from elsewhere
    std::string bearer_token;  // set: also asked for (401 without it); empty: not asked
};
// Shorter bearer tokens are refused at start: long enough that guessing is hopeless.
inline constexpr std::size_t min_bearer_token_chars = 32;

// One of the detector's rules: when a value repeated under one key of the attempts (a
// name, a mail domain, an AS...) stands out in a petition's window. A share above 1 means
// the key never stands out by its share (the network and user-agent rules are left so).
struct DetectRuleConfig {
    std::optional<std::size_t> min_count;
    std::optional<double> min_share;
    std::optional<double> over_baseline;  // 0: not compared with the value's usual share
};

// The defence's thresholds. Every one is optional here, unset meaning the default written
// in detect::DetectorConfig or incidents::DefenceOptions: core comes before detect/ and
// incidents/ and cannot see those, and a second copy of each default here would drift from
// the one the detector's own tests use. app/defence_setup lays what is set over them.
struct DetectConfig {
    std::optional<std::chrono::seconds> window;
    DetectRuleConfig name;
    DetectRuleConfig comment;
    DetectRuleConfig email_domain;
    DetectRuleConfig network;
    DetectRuleConfig as;
    DetectRuleConfig user_agent;
    DetectRuleConfig confirm_network;
    DetectRuleConfig automation;
    std::optional<std::vector<std::string>> large_mail_providers;  // ASCII, lower case
    std::optional<std::vector<std::uint32_t>> eyeball_networks;    // AS numbers
    std::optional<std::chrono::seconds> baseline_half_life;
    std::optional<double> petition_prior;
    std::optional<std::size_t> max_window_attempts;
    std::optional<std::size_t> min_senders;
    // When a cluster is acted on rather than watched.
    std::optional<std::size_t> automation_min_attempts;
    std::optional<double> automation_share;
    std::optional<double> attempts_per_network;
    // What makes an attempt look automated.
    std::optional<std::vector<std::uint32_t>> hosting_networks;
    std::optional<double> browser_hashes_per_ms;
    std::optional<std::size_t> min_timed_number;
    std::optional<std::size_t> min_browser_took_ms;
    std::optional<std::chrono::seconds> instant_confirmation;
    // What acting does.
    std::optional<std::chrono::seconds> hold;
    std::optional<std::size_t> raised_difficulty;
    std::optional<std::size_t> ban_network_min_attempts;
    std::optional<double> ban_network_min_share;
    std::optional<std::size_t> ban_max_networks;
    std::optional<std::size_t> ban_as_min_attempts;
    std::optional<double> ban_as_min_share;
    std::optional<std::vector<std::uint32_t>> never_ban;  // empty: the eyeball networks
    std::optional<std::chrono::seconds> ban_duration;
};

struct LogConfig {
    std::string level = "info";  // trace, debug, info, warn, error
    std::filesystem::path file;  // empty: standard error
};

struct Config {
    ServerConfig server;
    Limits limits;
    StorageConfig storage;
    SiteConfig site;
    MailConfig mail;
    DnsConfig dns;
    ShieldConfig shield;
    AdminConfig admin;
    TrafficConfig traffic;
    GateConfig gate;
    SheddingConfig shedding;
    MetricsConfig metrics;
    DetectConfig detect;
    LogConfig log;
};

// Reads a TOML file. Every key is optional; an unknown key, a wrong type or a bad value
// is an error naming the key and its line, e.g. "config.toml:4: [server] listen: ...".
Result<Config> load_config(const std::filesystem::path& file);
Result<Config> parse_config(std::string_view toml_text, std::string_view source_name);

}  // namespace rempart
