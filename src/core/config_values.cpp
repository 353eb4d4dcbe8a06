// Readers for one configuration value each: type and range checked, errors with their line.
#include "core/config_values.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>
#include <charconv>
#include <limits>
#include <sstream>

#include "core/errors.hpp"
#include "core/host_port.hpp"

namespace rempart::config_values {
namespace {

std::string describe(const toml::node& node) {
    if (const auto* text = node.as_string()) return "\"" + text->get() + "\"";
    if (const auto* number = node.as_integer()) return std::to_string(number->get());
    if (const auto* real = node.as_floating_point()) {
        std::ostringstream out;
        out << real->get();
        return out.str();
    }
    if (const auto* flag = node.as_boolean()) return flag->get() ? "true" : "false";
    if (node.is_array()) return "an array";
    if (node.is_table()) return "a table";
    return "a date or time";
}

Result<std::int64_t> read_integer(const toml::node& node, const Where& where, std::int64_t min,
                                  std::int64_t max) {
    const auto* value = node.as_integer();
    const std::string expected =
        "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!value || value->get() < min || value->get() > max) return where.error(expected, node);
    return value->get();
}

Result<std::vector<std::string>> read_strings(const toml::node& node, const Where& where,
                                              const std::string& expected,
                                              bool (*valid)(std::string_view)) {
    const auto* array = node.as_array();
    if (!array) return where.error("expected an array of " + expected, node);
    std::vector<std::string> values;
    for (const auto& item : *array) {
        const auto* text = item.as_string();
        if (!text || (valid && !valid(text->get())))
            return where.error("expected an array of " + expected, item);
        values.push_back(text->get());
    }
    return values;
}

// Bounds as a reader writes them: "1000000", not "1e+06".
std::string number_text(double value) {
    if (value == static_cast<double>(static_cast<std::int64_t>(value)))
        return std::to_string(static_cast<std::int64_t>(value));
    std::ostringstream out;
    out << value;
    return out.str();
}

// TOML tells 2 from 2.0; a reader of the file does not, so both are numbers.
std::optional<double> number_of(const toml::node& node) {
    if (const auto* real = node.as_floating_point()) return real->get();
    if (const auto* whole = node.as_integer()) return static_cast<double>(whole->get());
    return std::nullopt;
}

}  // namespace

std::string Where::prefix() const {
    return std::string(file) + ":" + std::to_string(region.begin.line) + ":" +
           std::to_string(region.begin.column) + ": ";
}

Error Where::error(std::string expected, const toml::node& got) const {
    return make_error(ConfigError::bad_value, prefix() + "[" + section + "] " + key + ": " +
                                                  expected + ", got " + describe(got));
}

Result<void> read_text(const toml::node& node, const Where& where, std::string& out) {
    const auto* value = node.as_string();
    if (!value) return where.error("expected a string", node);
    out = value->get();
    return {};
}

Result<void> read_path(const toml::node& node, const Where& where, std::filesystem::path& out) {
    std::string text;
    if (auto ok = read_text(node, where, text); !ok) return ok;
    out = text;
    return {};
}

Result<void> read_bool(const toml::node& node, const Where& where, bool& out) {
    const auto* value = node.as_boolean();
    if (!value) return where.error("expected true or false", node);
    out = value->get();
    return {};
}

Result<void> read_choice(const toml::node& node, const Where& where,
                         std::initializer_list<std::string_view> choices, std::string& out) {
    std::string expected = "expected one of";
    for (const auto choice : choices) expected += " \"" + std::string(choice) + "\"";
    const auto* value = node.as_string();
    if (value)
        for (const auto choice : choices)
            if (value->get() == choice) {
                out = value->get();
                return {};
            }
    return where.error(expected, node);
}

Result<void> read_size(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, std::size_t& out) {
    auto value = read_integer(node, where, min, max);
    if (!value) return value.error();
    out = static_cast<std::size_t>(*value);
    return {};
}

Result<void> read_rate(const toml::node& node, const Where& where, RateSetting& out) {
    const auto* table = node.as_table();
    const std::string expected = "expected a rate such as { per_minute = 10, burst = 20 }";
    if (!table) return where.error(expected, node);
    for (const auto& [name, value] : *table) {
        const Where at{where.file, value.source(), where.section,
                       where.key + "." + std::string(name.str())};
        if (name.str() != "per_minute" && name.str() != "burst")
            return make_error(ConfigError::unknown_key, at.prefix() + "[" + where.section + "] " +
                                                            where.key + ": unknown key " +
                                                            std::string(name.str()) +
                                                            " (per_minute and burst are known)");
        auto number = read_integer(value, at, 1, 10'000'000);
        if (!number) return number.error();
        (name.str() == "per_minute" ? out.per_minute : out.burst) = static_cast<double>(*number);
    }
    return {};
}

Result<void> read_uint(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, unsigned& out) {
    auto value = read_integer(node, where, min, max);
    if (!value) return value.error();
    out = static_cast<unsigned>(*value);
    return {};
}

Result<void> read_seconds(const toml::node& node, const Where& where, std::int64_t min,
                          std::int64_t max, std::chrono::seconds& out) {
    auto value = read_integer(node, where, min, max);
    if (!value) return value.error();
    out = std::chrono::seconds(*value);
    return {};
}

Result<void> read_millis(const toml::node& node, const Where& where, std::int64_t min,
                         std::int64_t max, std::chrono::milliseconds& out) {
    auto value = read_integer(node, where, min, max);
    if (!value) return value.error();
    out = std::chrono::milliseconds(*value);
    return {};
}

Result<void> read_size(const toml::node& node, const Where& where, std::int64_t min,
                       std::int64_t max, std::optional<std::size_t>& out) {
    std::size_t value = 0;
    if (auto read = read_size(node, where, min, max, value); !read) return read;
    out = value;
    return {};
}

Result<void> read_seconds(const toml::node& node, const Where& where, std::int64_t min,
                          std::int64_t max, std::optional<std::chrono::seconds>& out) {
    std::chrono::seconds value{};
    if (auto read = read_seconds(node, where, min, max, value); !read) return read;
    out = value;
    return {};
}

Result<void> read_number(const toml::node& node, const Where& where, double min, double max,
                         std::optional<double>& out) {
    const auto value = number_of(node);
    // Written so that NaN, which compares false with everything, is refused too.
    if (!value || !(*value >= min && *value <= max))
        return where.error("expected a number from " + number_text(min) + " to " + number_text(max),
                           node);
    out = *value;
    return {};
}

Result<void> read_share(const toml::node& node, const Where& where, bool or_never,
                        std::optional<double>& out) {
    const double max = or_never ? 2.0 : 1.0;
    const auto value = number_of(node);
    if (!value || !(*value > 0 && *value <= max))
        return where.error(or_never ? "expected a share above 0 and at most 1, such as 0.05, "
                                      "or 2 for never"
                                    : "expected a share above 0 and at most 1, such as 0.05",
                           node);
    out = *value;
    return {};
}

Result<void> read_asn_list(const toml::node& node, const Where& where,
                           std::optional<std::vector<std::uint32_t>>& out) {
    const std::string expected = "expected an array of AS numbers such as [3215, 12322]";
    const auto* array = node.as_array();
    if (!array) return where.error(expected, node);
    std::vector<std::uint32_t> numbers;
    for (const auto& item : *array) {
        const auto* number = item.as_integer();
        // AS 0 is reserved: no address is announced by it.
        if (!number || number->get() < 1 ||
            number->get() > std::numeric_limits<std::uint32_t>::max())
            return where.error(expected, item);
        numbers.push_back(static_cast<std::uint32_t>(number->get()));
    }
    out = std::move(numbers);
    return {};
}

Result<void> read_mail_domain_list(const toml::node& node, const Where& where,
                                   std::optional<std::vector<std::string>>& out) {
    auto values = read_strings(node, where,
                               "mail domains in lower case such as \"gmail.com\" (an accented "
                               "domain in its xn-- form)",
                               &is_mail_domain);
    if (!values) return values.error();
    out = std::move(*values);
    return {};
}

Result<void> read_text_list(const toml::node& node, const Where& where,
                            std::vector<std::string>& out) {
    auto values = read_strings(node, where, "strings", nullptr);
    if (!values) return values.error();
    out = std::move(*values);
    return {};
}

bool is_host_port(std::string_view text) {
    return parse_host_port(text).has_value();
}

bool is_cidr(std::string_view text) {
    const auto slash = text.find('/');
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(text.substr(0, slash)), ec);
    if (ec) return false;
    if (slash == std::string_view::npos) return true;
    const auto digits = text.substr(slash + 1);
    unsigned length = 0;
    const auto [end, err] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
    return err == std::errc() && end == digits.data() + digits.size() && !digits.empty() &&
           length <= (address.is_v4() ? 32u : 128u);
}

bool is_mail_domain(std::string_view text) {
    if (text.empty() || text.size() > 253 || text.front() == '.' || text.back() == '.' ||
        text.find('.') == std::string_view::npos || text.find("..") != std::string_view::npos)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

Result<void> read_listen(const toml::node& node, const Where& where, std::string& out) {
    const auto* value = node.as_string();
    if (!value || !is_host_port(value->get()))
        return where.error(
            "expected \"host:port\" with an IP address, such as \"127.0.0.1:8080\" or "
            "\"[::1]:8080\"",
            node);
    out = value->get();
    return {};
}

Result<void> read_base_url(const toml::node& node, const Where& where, std::string& out) {
    const auto* value = node.as_string();
    if (!value)
        return where.error("expected a URL such as \"https://petitions.example.org\"", node);
    std::string url = value->get();
    const bool scheme = url.starts_with("http://") || url.starts_with("https://");
    const auto host_start = url.find("://") + 3;
    if (!scheme || url.size() <= host_start || url.find_first_of(" \t\"<>") != std::string::npos)
        return where.error("expected a URL such as \"https://petitions.example.org\"", node);
    while (url.ends_with("/")) url.pop_back();
    out = url;
    return {};
}

Result<void> read_cidr_list(const toml::node& node, const Where& where,
                            std::vector<std::string>& out) {
    auto values =
        read_strings(node, where, "networks such as \"127.0.0.1/32\" or \"::1/128\"", &is_cidr);
    if (!values) return values.error();
    out = std::move(*values);
    return {};
}

Result<void> read_bearer_token(const toml::node& node, const Where& where, std::string& out) {
    const auto* value = node.as_string();
    const std::string expected = "expected a string of at least " +
                                 std::to_string(min_bearer_token_chars) +
                                 " letters, digits or - . _ ~ + / (such as the output of "
                                 "\"openssl rand -hex 32\")";
    if (!value) return where.error(expected, node);
    const std::string& token = value->get();
    if (token.empty()) {  // written out as the default: no token asked for
        out.clear();
        return {};
    }
    // RFC 6750's b64token: what a client can send after "Bearer " unquoted.
    auto end = token.find_last_not_of('=');
    end = end == std::string::npos ? 0 : end + 1;
    const bool valid =
        end > 0 &&
        std::all_of(token.begin(), token.begin() + static_cast<std::ptrdiff_t>(end), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   std::string_view("-._~+/").find(c) != std::string_view::npos;
        });
    if (!valid || token.size() < min_bearer_token_chars)
        return make_error(ConfigError::bad_value,
                          where.prefix() + "[" + where.section + "] " + where.key + ": " +
                              expected + ", got " +
                              (valid ? std::to_string(token.size()) + " characters"
                                     : std::string("other characters")));
    out = token;
    return {};
}

Result<void> read_host_port_list(const toml::node& node, const Where& where,
                                 std::vector<std::string>& out) {
    auto values =
        read_strings(node, where, "\"host:port\" strings such as \"127.0.0.1:53\"", &is_host_port);
    if (!values) return values.error();
    out = std::move(*values);
    return {};
}

}  // namespace rempart::config_values
