// Readers for one configuration value each: type and range checked, errors with their line.
#pragma once

#include <toml++/toml.h>

#include <chrono>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"

namespace rempart::config_values {

// Where a key sits, for messages like "rempart.toml:4:1: [server] listen: ...".
struct Where {
    std::string_view file;
    toml::source_region region;
    std::string section;
    std::string key;
    std::string prefix() const;
    Error error(std::string expected, const toml::node& got) const;
};

Result<void> read_text(const toml::node& node, const Where& where, std::string& out);
Result<void> read_path(const toml::node& node, const Where& where, std::filesystem::path& out);
Result<void> read_bool(const toml::node& node, const Where& where, bool& out);
Result<void> read_choice(const toml::node& node, const Where& where,
                         std::initializer_list<std::string_view> choices, std::string& out);
Result<void> read_size(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, std::size_t& out);
// A rate limit written { per_minute = 10, burst = 20 }; either key may be left out.
Result<void> read_rate(const toml::node& node, const Where& where, RateSetting& out);
Result<void> read_uint(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, unsigned& out);
Result<void> read_seconds(const toml::node& node, const Where& where, std::int64_t min,
                          std::int64_t max, std::chrono::seconds& out);
Result<void> read_millis(const toml::node& node, const Where& where, std::int64_t min,
                         std::int64_t max, std::chrono::milliseconds& out);
// Settings whose default lives in another module (see DetectConfig): set only when read.
Result<void> read_size(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, std::optional<std::size_t>& out);
Result<void> read_seconds(const toml::node& node, const Where& where, std::int64_t min,
                          std::int64_t max, std::optional<std::chrono::seconds>& out);
// A number, whole or not, from min to max.
Result<void> read_number(const toml::node& node, const Where& where, double min, double max,
                         std::optional<double>& out);
// A share above 0 and at most 1; with `or_never`, up to 2, anything above 1 meaning that
// nothing ever reaches it. 2 and no further, so that a percentage written by mistake (5 for
// 5 %) is refused rather than turning a rule off.
Result<void> read_share(const toml::node& node, const Where& where, bool or_never,
                        std::optional<double>& out);
// Autonomous system numbers, [3215, 12322]; an empty array is taken.
Result<void> read_asn_list(const toml::node& node, const Where& where,
                           std::optional<std::vector<std::uint32_t>>& out);
// Mail domains as signers' addresses are compared: ASCII, lower case ("gmail.com"; an
// accented domain in its xn-- form).
Result<void> read_mail_domain_list(const toml::node& node, const Where& where,
                                   std::optional<std::vector<std::string>>& out);
Result<void> read_text_list(const toml::node& node, const Where& where,
                            std::vector<std::string>& out);
// "127.0.0.1:8080" or "[::1]:8080".
Result<void> read_listen(const toml::node& node, const Where& where, std::string& out);
// http:// or https://, kept without a trailing slash.
Result<void> read_base_url(const toml::node& node, const Where& where, std::string& out);
// IPv4 or IPv6 networks, "10.0.0.0/8"; a bare address is one host.
Result<void> read_cidr_list(const toml::node& node, const Where& where,
                            std::vector<std::string>& out);
// A secret sent as "Authorization: Bearer ...": RFC 6750's characters, at least
// min_bearer_token_chars of them, or empty for none. Errors never repeat the value: it is
// a secret.
Result<void> read_bearer_token(const toml::node& node, const Where& where, std::string& out);
Result<void> read_host_port_list(const toml::node& node, const Where& where,
                                 std::vector<std::string>& out);

// "127.0.0.1:53" or "[::1]:53": an IP address (IPv6 bracketed) and a port from 1 to 65535.
bool is_host_port(std::string_view text);
// "10.0.0.0/8", "::1/128", or a bare address (one host).
bool is_cidr(std::string_view text);
// "gmail.com", "xn--bcher-kva.example": lower-case ASCII labels, at least two.
bool is_mail_domain(std::string_view text);

}  // namespace rempart::config_values
