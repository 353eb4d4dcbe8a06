// Reads rempart.toml: every key optional, anything unknown or wrong refused with its line.
#include "core/config.hpp"

#include <toml++/toml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/config_values.hpp"
#include "core/errors.hpp"

namespace rempart {
namespace {

using namespace config_values;
using Node = const toml::node&;
using At = const Where&;

// [detect]'s rules: three keys for each of the detector's eight, read alike.
using Rule = DetectRuleConfig DetectConfig::*;
template <Rule rule>
Result<void> read_min_count(Node n, At w, Config& c) {
    return read_size(n, w, 1, 1'000'000, (c.detect.*rule).min_count);
}
template <Rule rule>
Result<void> read_min_share(Node n, At w, Config& c) {
    return read_share(n, w, true, (c.detect.*rule).min_share);
}
template <Rule rule>
Result<void> read_over_baseline(Node n, At w, Config& c) {
    return read_number(n, w, 0, 1000, (c.detect.*rule).over_baseline);
}

struct Key {
    std::string_view section;
    std::string_view name;
    Result<void> (*read)(Node, At, Config&);
};

// One row a key: the whole schema in one place. Upper bounds are generous; they are there
// to catch a typo (an extra zero) before it exhausts the machine.
constexpr Key schema[] = {
    {"server", "listen",
     [](Node n, At w, Config& c) { return read_listen(n, w, c.server.listen); }},
    {"server", "base_url",
     [](Node n, At w, Config& c) { return read_base_url(n, w, c.server.base_url); }},
    {"server", "trusted_proxies",
     [](Node n, At w, Config& c) { return read_cidr_list(n, w, c.server.trusted_proxies); }},
    {"server", "threads",
     [](Node n, At w, Config& c) { return read_uint(n, w, 0, 256, c.server.threads); }},
    {"server", "tls_cert",
     [](Node n, At w, Config& c) { return read_path(n, w, c.server.tls_cert); }},
    {"server", "tls_key",
     [](Node n, At w, Config& c) { return read_path(n, w, c.server.tls_key); }},
    {"server", "shutdown_grace_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 0, 600, c.server.shutdown_grace); }},
    {"limits", "header_bytes",
     [](Node n, At w, Config& c) { return read_size(n, w, 512, 1 << 20, c.limits.header_bytes); }},
    {"limits", "body_bytes",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 64 << 20, c.limits.body_bytes); }},
    {"limits", "header_timeout_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.limits.header_timeout); }},
    {"limits", "body_timeout_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.limits.body_timeout); }},
    {"limits", "idle_timeout_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.limits.idle_timeout); }},
    {"limits", "write_timeout_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.limits.write_timeout); }},
    {"limits", "max_connections",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.limits.max_connections);
     }},
    {"limits", "max_connections_per_ip",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.limits.max_connections_per_ip);
     }},
    {"limits", "send_buffer_bytes",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 0, 64 << 20, c.limits.send_buffer_bytes);
     }},
    {"limits", "max_requests_per_connection",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 100'000'000, c.limits.max_requests_per_connection);
     }},
    {"storage", "data_dir",
     [](Node n, At w, Config& c) { return read_path(n, w, c.storage.data_dir); }},
    {"storage", "group_commit_ms",
     [](Node n, At w, Config& c) {
         return read_millis(n, w, 0, 1000, c.storage.group_commit_window);
     }},
    {"storage", "write_queue",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 16, 10'000'000, c.storage.write_queue);
     }},
    {"site", "name", [](Node n, At w, Config& c) { return read_text(n, w, c.site.name); }},
    {"site", "default_language",
     [](Node n, At w, Config& c) {
         return read_choice(n, w, {"fr", "en"}, c.site.default_language);
     }},
    {"site", "controller",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.controller); }},
    {"site", "contact_email",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.contact_email); }},
    {"site", "postal_address",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.postal_address); }},
    {"site", "hosting_provider",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.hosting_provider); }},
    {"site", "terms_version",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.terms_version); }},
    {"site", "privacy_version",
     [](Node n, At w, Config& c) { return read_text(n, w, c.site.privacy_version); }},
    {"mail", "transport",
     [](Node n, At w, Config& c) {
         return read_choice(n, w, {"maildir", "smtp"}, c.mail.transport);
     }},
    {"mail", "maildir", [](Node n, At w, Config& c) { return read_path(n, w, c.mail.maildir); }},
    {"mail", "smtp_url", [](Node n, At w, Config& c) { return read_text(n, w, c.mail.smtp_url); }},
    {"mail", "smtp_username",
     [](Node n, At w, Config& c) { return read_text(n, w, c.mail.smtp_username); }},
    {"mail", "smtp_password",
     [](Node n, At w, Config& c) { return read_text(n, w, c.mail.smtp_password); }},
    {"mail", "smtp_timeout_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 600, c.mail.smtp_timeout); }},
    {"mail", "retry_first_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.mail.retry_first); }},
    {"mail", "from", [](Node n, At w, Config& c) { return read_text(n, w, c.mail.from); }},
    {"mail", "admin_alerts_to",
     [](Node n, At w, Config& c) { return read_text_list(n, w, c.mail.admin_alerts_to); }},
    {"dns", "servers",
     [](Node n, At w, Config& c) { return read_host_port_list(n, w, c.dns.servers); }},
    {"dns", "check_mx", [](Node n, At w, Config& c) { return read_bool(n, w, c.dns.check_mx); }},
    {"dns", "timeout_ms",
     [](Node n, At w, Config& c) { return read_millis(n, w, 50, 30000, c.dns.timeout); }},
    {"shield", "disposable_block",
     [](Node n, At w, Config& c) { return read_text_list(n, w, c.shield.disposable_block); }},
    {"shield", "disposable_allow",
     [](Node n, At w, Config& c) { return read_text_list(n, w, c.shield.disposable_allow); }},
    {"shield", "asn_table",
     [](Node n, At w, Config& c) { return read_path(n, w, c.shield.asn_table); }},
    {"shield", "asn_table_extra",
     [](Node n, At w, Config& c) { return read_text_list(n, w, c.shield.asn_table_extra); }},
    {"shield", "pow_max_number",
     [](Node n, At w, Config& c) {
         std::size_t value = 0;
         auto read = read_size(n, w, 1, 100'000'000, value);
         c.shield.pow_max_number = value;
         return read;
     }},
    {"shield", "pow_expiry_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 30, 86400, c.shield.pow_expiry); }},
    {"shield", "mails_per_mailbox_per_day",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1000, c.shield.mails_per_mailbox_per_day);
     }},
    {"shield", "sign_per_ip",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.shield.sign_limits.per_ip); }},
    {"shield", "sign_per_network",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.shield.sign_limits.per_network); }},
    {"shield", "sign_per_wide_network",
     [](Node n, At w, Config& c) {
         return read_rate(n, w, c.shield.sign_limits.per_wide_network);
     }},
    {"shield", "sign_per_as",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.shield.sign_limits.per_as); }},
    {"shield", "sign_per_domain",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.shield.sign_limits.per_domain); }},
    {"shield", "sign_per_petition",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.shield.sign_limits.per_petition); }},
    {"admin", "session_idle_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 86400, c.admin.session_idle); }},
    {"admin", "session_lifetime_s",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 30 * 86400, c.admin.session_lifetime);
     }},
    {"admin", "login_per_ip",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.admin.login_per_ip); }},
    {"admin", "login_per_account",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.admin.login_per_account); }},
    {"admin", "login_free_failures",
     [](Node n, At w, Config& c) { return read_size(n, w, 0, 1000, c.admin.login_free_failures); }},
    {"admin", "login_backoff_first_s",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 3600, c.admin.login_backoff_first);
     }},
    {"admin", "login_backoff_max_s",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 7 * 86400, c.admin.login_backoff_max);
     }},
    {"admin", "login_alert_after",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.admin.login_alert_after);
     }},
    {"admin", "login_failures_kept_s",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 60, 30 * 86400, c.admin.login_failures_kept);
     }},
    {"admin", "password_queue_per_network",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1000, c.admin.password_queue_per_network);
     }},
    {"admin", "password_threads",
     [](Node n, At w, Config& c) { return read_uint(n, w, 1, 8, c.admin.password_threads); }},
    {"admin", "password_queue",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1000, c.admin.password_queue); }},
    {"traffic", "page_per_ip",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000'000, c.traffic.page_per_ip); }},
    {"traffic", "page_per_network",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000'000, c.traffic.page_per_network);
     }},
    {"traffic", "page_per_as",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000'000, c.traffic.page_per_as); }},
    {"traffic", "api_per_ip",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000'000, c.traffic.api_per_ip); }},
    {"traffic", "api_per_network",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000'000, c.traffic.api_per_network);
     }},
    {"traffic", "api_per_as",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000'000, c.traffic.api_per_as); }},
    {"traffic", "sign_posts_per_ip",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000'000, c.traffic.sign_posts_per_ip);
     }},
    {"traffic", "sign_posts_per_network",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000'000, c.traffic.sign_posts_per_network);
     }},
    {"traffic", "sign_posts_per_as",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000'000, c.traffic.sign_posts_per_as);
     }},
    {"traffic", "network_share_percent",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 0, 100, c.traffic.network_share_percent);
     }},
    {"traffic", "as_share_percent",
     [](Node n, At w, Config& c) { return read_size(n, w, 0, 100, c.traffic.as_share_percent); }},
    {"traffic", "per_clearance",
     [](Node n, At w, Config& c) { return read_rate(n, w, c.traffic.per_clearance); }},
    {"gate", "mode",
     [](Node n, At w, Config& c) { return read_choice(n, w, {"auto", "on", "off"}, c.gate.mode); }},
    {"gate", "pow_max_number",
     [](Node n, At w, Config& c) {
         std::size_t value = c.gate.pow_max_number;
         auto read = read_size(n, w, 1, 100'000'000, value);
         c.gate.pow_max_number = value;
         return read;
     }},
    {"gate", "wait_s", [](Node n, At w, Config& c) { return read_seconds(n, w, 0, 60, c.gate.wait); }},
    {"gate", "clearance_lifetime_s",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 60, 30 * 86400, c.gate.clearance_lifetime);
     }},
    {"gate", "surge_min_rate",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 10'000'000, c.gate.surge_min_rate); }},
    {"gate", "surge_factor",
     [](Node n, At w, Config& c) { return read_size(n, w, 2, 10'000, c.gate.surge_factor); }},
    {"gate", "unknown_share_percent",
     [](Node n, At w, Config& c) { return read_size(n, w, 0, 100, c.gate.unknown_share_percent); }},
    {"gate", "surge_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.gate.surge_duration); }},
    {"gate", "load_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.gate.load_duration); }},
    {"gate", "known_after_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 0, 30 * 86400, c.gate.known_after); }},
    {"gate", "calm_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 86400, c.gate.calm_duration); }},
    {"shedding", "lag_low_ms",
     [](Node n, At w, Config& c) { return read_millis(n, w, 1, 60'000, c.shedding.lag_low); }},
    {"shedding", "lag_normal_ms",
     [](Node n, At w, Config& c) { return read_millis(n, w, 1, 60'000, c.shedding.lag_normal); }},
    {"shedding", "queue_low",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000, c.shedding.queue_low); }},
    {"shedding", "queue_normal",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1'000'000, c.shedding.queue_normal); }},
    {"shedding", "retry_after_s",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 3600, c.shedding.retry_after); }},
    {"metrics", "allow",
     [](Node n, At w, Config& c) { return read_cidr_list(n, w, c.metrics.allow); }},
    {"metrics", "bearer_token",
     [](Node n, At w, Config& c) { return read_bearer_token(n, w, c.metrics.bearer_token); }},
    {"detect", "window_seconds",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 86400, c.detect.window); }},
    {"detect", "name_min_count", read_min_count<&DetectConfig::name>},
    {"detect", "name_min_share", read_min_share<&DetectConfig::name>},
    {"detect", "name_over_baseline", read_over_baseline<&DetectConfig::name>},
    {"detect", "comment_min_count", read_min_count<&DetectConfig::comment>},
    {"detect", "comment_min_share", read_min_share<&DetectConfig::comment>},
    {"detect", "comment_over_baseline", read_over_baseline<&DetectConfig::comment>},
    {"detect", "email_domain_min_count", read_min_count<&DetectConfig::email_domain>},
    {"detect", "email_domain_min_share", read_min_share<&DetectConfig::email_domain>},
    {"detect", "email_domain_over_baseline", read_over_baseline<&DetectConfig::email_domain>},
    {"detect", "network_min_count", read_min_count<&DetectConfig::network>},
    {"detect", "network_min_share", read_min_share<&DetectConfig::network>},
    {"detect", "network_over_baseline", read_over_baseline<&DetectConfig::network>},
    {"detect", "as_min_count", read_min_count<&DetectConfig::as>},
    {"detect", "as_min_share", read_min_share<&DetectConfig::as>},
    {"detect", "as_over_baseline", read_over_baseline<&DetectConfig::as>},
    {"detect", "user_agent_min_count", read_min_count<&DetectConfig::user_agent>},
    {"detect", "user_agent_min_share", read_min_share<&DetectConfig::user_agent>},
    {"detect", "user_agent_over_baseline", read_over_baseline<&DetectConfig::user_agent>},
    {"detect", "confirm_network_min_count", read_min_count<&DetectConfig::confirm_network>},
    {"detect", "confirm_network_min_share", read_min_share<&DetectConfig::confirm_network>},
    {"detect", "confirm_network_over_baseline", read_over_baseline<&DetectConfig::confirm_network>},
    {"detect", "automation_min_count", read_min_count<&DetectConfig::automation>},
    {"detect", "automation_min_share", read_min_share<&DetectConfig::automation>},
    {"detect", "automation_over_baseline", read_over_baseline<&DetectConfig::automation>},
    {"detect", "large_mail_providers",
     [](Node n, At w, Config& c) {
         return read_mail_domain_list(n, w, c.detect.large_mail_providers);
     }},
    {"detect", "eyeball_networks",
     [](Node n, At w, Config& c) { return read_asn_list(n, w, c.detect.eyeball_networks); }},
    {"detect", "baseline_half_life_seconds",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 30 * 86400, c.detect.baseline_half_life);
     }},
    {"detect", "petition_prior",
     [](Node n, At w, Config& c) {
         return read_number(n, w, 1, 1'000'000, c.detect.petition_prior);
     }},
    // About 300 bytes an attempt, per petition: a million is already 300 MB for one.
    {"detect", "max_window_attempts",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.detect.max_window_attempts);
     }},
    {"detect", "min_senders",
     [](Node n, At w, Config& c) { return read_size(n, w, 1, 1000, c.detect.min_senders); }},
    {"detect", "automation_min_attempts",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.detect.automation_min_attempts);
     }},
    {"detect", "automation_share",
     [](Node n, At w, Config& c) { return read_share(n, w, false, c.detect.automation_share); }},
    {"detect", "attempts_per_network",
     [](Node n, At w, Config& c) {
         return read_number(n, w, 1, 1'000'000, c.detect.attempts_per_network);
     }},
    {"detect", "hosting_networks",
     [](Node n, At w, Config& c) { return read_asn_list(n, w, c.detect.hosting_networks); }},
    {"detect", "browser_hashes_per_ms",
     [](Node n, At w, Config& c) {
         return read_number(n, w, 1, 1'000'000'000, c.detect.browser_hashes_per_ms);
     }},
    {"detect", "min_timed_number",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 100'000'000, c.detect.min_timed_number);
     }},
    {"detect", "min_browser_took_ms",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 60'000, c.detect.min_browser_took_ms);
     }},
    {"detect", "instant_confirmation_seconds",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 3600, c.detect.instant_confirmation);
     }},
    {"detect", "hold_seconds",
     [](Node n, At w, Config& c) { return read_seconds(n, w, 1, 30 * 86400, c.detect.hold); }},
    {"detect", "raised_difficulty",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 100'000'000, c.detect.raised_difficulty);
     }},
    {"detect", "ban_network_min_attempts",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.detect.ban_network_min_attempts);
     }},
    {"detect", "ban_network_min_share",
     [](Node n, At w, Config& c) {
         return read_share(n, w, false, c.detect.ban_network_min_share);
     }},
    {"detect", "ban_max_networks",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 100'000, c.detect.ban_max_networks);
     }},
    {"detect", "ban_as_min_attempts",
     [](Node n, At w, Config& c) {
         return read_size(n, w, 1, 1'000'000, c.detect.ban_as_min_attempts);
     }},
    {"detect", "ban_as_min_share",
     [](Node n, At w, Config& c) { return read_share(n, w, false, c.detect.ban_as_min_share); }},
    {"detect", "never_ban",
     [](Node n, At w, Config& c) { return read_asn_list(n, w, c.detect.never_ban); }},
    {"detect", "ban_seconds",
     [](Node n, At w, Config& c) {
         return read_seconds(n, w, 1, 30 * 86400, c.detect.ban_duration);
     }},
    {"log", "level",
     [](Node n, At w, Config& c) {
         return read_choice(n, w, {"trace", "debug", "info", "warn", "error"}, c.log.level);
     }},
    {"log", "file", [](Node n, At w, Config& c) { return read_path(n, w, c.log.file); }},
};

const Key* find_key(std::string_view section, std::string_view name) {
    for (const auto& key : schema)
        if (key.section == section && key.name == name) return &key;
    return nullptr;
}

bool known_section(std::string_view name) {
    for (const auto& key : schema)
        if (key.section == name) return true;
    return false;
}

// Messages point at the key, where the reader's eye goes; a key toml++ made up itself (a
// dotted key's parent) has no place of its own, so its value's is used.
toml::source_region place_of(const toml::key& key, const toml::node& value) {
    return key.source().begin.line != 0 ? key.source() : value.source();
}

Result<void> read_section(std::string_view source_name, const toml::key& section_key,
                          const toml::node& section_node, Config& config) {
    const std::string section(section_key.str());
    // A [section] header's table starts at its '['; a stray top-level key at the key.
    const auto place = section_node.is_table() && section_node.source().begin.line != 0
                           ? section_node.source()
                           : place_of(section_key, section_node);
    const Where at_section{source_name, place, section, ""};
    const auto* table = section_node.as_table();
    if (!known_section(section)) {
        if (!table)  // a key written before any [section] header
            return make_error(ConfigError::unknown_key,
                              at_section.prefix() + "unknown key " + section +
                                  " (every setting belongs in a [section])");
        return make_error(ConfigError::unknown_key,
                          at_section.prefix() + "unknown section [" + section + "]");
    }
    if (!table)
        return make_error(ConfigError::bad_type, at_section.prefix() + "[" + section +
                                                     "] must be a section, written as a [" +
                                                     section + "] header");
    for (const auto& [name, value] : *table) {
        const Where where{source_name, place_of(name, value), section, std::string(name.str())};
        const Key* key = find_key(section, name.str());
        if (!key)
            return make_error(ConfigError::unknown_key,
                              where.prefix() + "unknown key [" + section + "] " + where.key);
        if (auto read = key->read(value, where, config); !read) return read;
    }
    return {};
}

}  // namespace

Result<Config> parse_config(std::string_view toml_text, std::string_view source_name) {
    toml::table root;
    // toml++ is built with exceptions on Debian: its parse errors stop here and become values.
    try {
        root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        return make_error(ConfigError::syntax,
                          std::string(source_name) + ":" + std::to_string(begin.line) + ":" +
                              std::to_string(begin.column) + ": " + std::string(e.description()));
    }
    Config config;
    for (const auto& [section_key, section_node] : root)
        if (auto read = read_section(source_name, section_key, section_node, config); !read)
            return read.error();
    if (config.server.tls_cert.empty() != config.server.tls_key.empty())
        return make_error(ConfigError::bad_value,
                          std::string(source_name) +
                              ": [server] tls_cert and tls_key go together: set both to serve "
                              "HTTPS, or neither");
    if (config.shedding.lag_low > config.shedding.lag_normal ||
        config.shedding.queue_low > config.shedding.queue_normal)
        return make_error(ConfigError::bad_value,
                          std::string(source_name) +
                              ": [shedding] the low bounds must not pass the normal ones: "
                              "low-priority routes are refused first");
    if (config.admin.login_backoff_first > config.admin.login_backoff_max)
        return make_error(ConfigError::bad_value,
                          std::string(source_name) +
                              ": [admin] login_backoff_first_s is longer than "
                              "login_backoff_max_s: the first wait would already pass the cap");
    if (config.admin.session_idle > config.admin.session_lifetime)
        return make_error(ConfigError::bad_value,
                          std::string(source_name) +
                              ": [admin] session_idle_s is longer than session_lifetime_s: the "
                              "idle timeout would never apply");
    return config;
}

Result<Config> load_config(const std::filesystem::path& file) {
    const auto refuse = [&](const std::string& reason) {
        return make_error(ConfigError::unreadable,
                          "cannot read config file " + file.string() + ": " + reason);
    };
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return refuse("it is a directory");
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    if (!in) return refuse(errno != 0 ? std::strerror(errno) : "it cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return refuse(std::strerror(errno));
    return parse_config(text.str(), file.string());
}

}  // namespace rempart
