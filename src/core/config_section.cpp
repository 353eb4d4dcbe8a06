// A section's typed getters: type and range checked, errors recorded with their place.
#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <sstream>

#include "core/config.hpp"
#include "core/detail/config_document.hpp"

namespace rempart::config {
namespace {

using detail::Where;

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

Result<std::int64_t> integer_of(const toml::node& node, const Where& where, std::int64_t min,
                                std::int64_t max) {
    const auto* value = node.as_integer();
    const std::string expected =
        "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    if (!value || value->get() < min || value->get() > max) return where.error(expected, node);
    return value->get();
}

// Bounds as a reader writes them: "1000000", not "1e+06".
std::string number_text(double value) {
    if (value == static_cast<double>(static_cast<std::int64_t>(value)))
        return std::to_string(static_cast<std::int64_t>(value));
    std::ostringstream out;
    out << value;
    return out.str();
}

std::optional<double> number_of(const toml::node& node) {
    if (const auto* real = node.as_floating_point()) return real->get();
    if (const auto* whole = node.as_integer()) return static_cast<double>(whole->get());
    return std::nullopt;
}

// "10.0.0.0/8", "::1/128", or a bare address (one host).
bool is_network(std::string_view text) {
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

// A key's value when the file has it, and where it is; nothing when it does not. Asking
// makes the key known either way.
struct Found {
    const toml::node& node;
    Where where;
};

std::optional<Found> lookup(detail::Document& document, const std::string& section,
                            std::string_view key) {
    document.known.emplace(section, std::string(key));
    const auto* table = document.root.get_as<toml::table>(section);
    if (!table) return std::nullopt;
    const auto found = table->find(key);
    if (found == table->end()) return std::nullopt;
    return Found{found->second,
                 Where{document.source, detail::place_of(found->first, found->second), section,
                       std::string(key)}};
}

// Keeps a key's first error, for File::finish; false, for the getter to return.
bool keep_error(detail::Document& document, const std::string& section, std::string_view key,
                Error error) {
    document.wrong.emplace(detail::KeyName{section, std::string(key)}, std::move(error));
    return false;
}

}  // namespace

namespace detail {

std::string Where::prefix() const {
    return std::string(file) + ":" + std::to_string(region.begin.line) + ":" +
           std::to_string(region.begin.column) + ": ";
}

Error Where::error(std::string_view expected, const toml::node& got) const {
    return make_error(ConfigError::bad_value, prefix() + "[" + section + "] " + key + ": expected " +
                                              std::string(expected) + ", got " + describe(got));
}

toml::source_region place_of(const toml::key& key, const toml::node& value) {
    return key.source().begin.line != 0 ? key.source() : value.source();
}

}  // namespace detail

Section::Section(detail::Document& document, std::string name)
    : document_(&document), name_(std::move(name)) {}

std::optional<std::int64_t> Section::whole(std::string_view key, std::int64_t min,
                                           std::int64_t max) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return std::nullopt;
    auto value = integer_of(found->node, found->where, min, max);
    if (!value) {
        keep_error(*document_, name_, key, value.error());
        return std::nullopt;
    }
    return *value;
}

std::optional<std::vector<std::int64_t>> Section::wholes(std::string_view key, std::int64_t min,
                                                         std::int64_t max, std::string_view what) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return std::nullopt;
    const std::string expected = "an array of " + std::string(what);
    const auto* array = found->node.as_array();
    if (!array) {
        keep_error(*document_, name_, key, found->where.error(expected, found->node));
        return std::nullopt;
    }
    std::vector<std::int64_t> values;
    for (const auto& item : *array) {
        const auto* number = item.as_integer();
        if (!number || number->get() < min || number->get() > max) {
            keep_error(*document_, name_, key, found->where.error(expected, item));
            return std::nullopt;
        }
        values.push_back(number->get());
    }
    return values;
}

bool Section::number(std::string_view key, double min, double max, double& out) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto value = number_of(found->node);
    // Written so that NaN, which compares false with everything, is refused too.
    if (!value || !(*value >= min && *value <= max))
        return keep_error(
            *document_, name_, key,
            found->where.error("a number from " + number_text(min) + " to " + number_text(max),
                               found->node));
    out = *value;
    return true;
}

bool Section::share(std::string_view key, double& out) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto value = number_of(found->node);
    if (!value || !(*value > 0 && *value <= 1.0))
        return keep_error(
            *document_, name_, key,
            found->where.error("a share above 0 and at most 1, such as 0.05", found->node));
    out = *value;
    return true;
}

bool Section::share_or_never(std::string_view key, double& out) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto value = number_of(found->node);
    if (!value || !(*value > 0 && *value <= 2.0))
        return keep_error(
            *document_, name_, key,
            found->where.error("a share above 0 and at most 1, such as 0.05, or 2 for never",
                               found->node));
    out = *value;
    return true;
}

bool Section::flag(std::string_view key, bool& out) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto* value = found->node.as_boolean();
    if (!value)
        return keep_error(*document_, name_, key, found->where.error("true or false", found->node));
    out = value->get();
    return true;
}

bool Section::text(std::string_view key, std::string& out) {
    return text(key, out, "a string", nullptr);
}

bool Section::text(std::string_view key, std::string& out, std::string_view expected,
                   bool (*valid)(std::string_view)) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto* value = found->node.as_string();
    if (!value || (valid && !valid(value->get())))
        return keep_error(*document_, name_, key, found->where.error(expected, found->node));
    out = value->get();
    return true;
}

bool Section::path(std::string_view key, std::filesystem::path& out) {
    std::string text;
    if (!this->text(key, text)) return false;
    out = text;
    return true;
}

bool Section::choice(std::string_view key, std::initializer_list<std::string_view> choices,
                     std::string& out) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto* value = found->node.as_string();
    if (value)
        for (const auto choice : choices)
            if (value->get() == choice) {
                out = value->get();
                return true;
            }
    std::string expected = "one of";
    for (const auto choice : choices) expected += " \"" + std::string(choice) + "\"";
    return keep_error(*document_, name_, key, found->where.error(expected, found->node));
}

bool Section::texts(std::string_view key, std::vector<std::string>& out) {
    return texts(key, out, "strings", nullptr);
}

bool Section::texts(std::string_view key, std::vector<std::string>& out, std::string_view what,
                    bool (*valid)(std::string_view)) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const std::string expected = "an array of " + std::string(what);
    const auto* array = found->node.as_array();
    if (!array)
        return keep_error(*document_, name_, key, found->where.error(expected, found->node));
    std::vector<std::string> values;
    for (const auto& item : *array) {
        const auto* text = item.as_string();
        if (!text || (valid && !valid(text->get())))
            return keep_error(*document_, name_, key, found->where.error(expected, item));
        values.push_back(text->get());
    }
    out = std::move(values);
    return true;
}

bool Section::networks(std::string_view key, std::vector<std::string>& out) {
    return texts(key, out, "networks such as \"127.0.0.1/32\" or \"::1/128\"", &is_network);
}

bool Section::rate(std::string_view key, double& per_minute, double& burst) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return false;
    const auto* table = found->node.as_table();
    if (!table)
        return keep_error(
            *document_, name_, key,
            found->where.error("a rate such as { per_minute = 10, burst = 20 }", found->node));
    double minute = per_minute;
    double at_once = burst;
    for (const auto& [name, value] : *table) {
        const Where at{document_->source, value.source(), name_,
                       std::string(key) + "." + std::string(name.str())};
        if (name.str() != "per_minute" && name.str() != "burst")
            return keep_error(
                *document_, name_, key,
                make_error(ConfigError::unknown_key,
                           at.prefix() + "[" + name_ + "] " + std::string(key) + ": unknown key " +
                               std::string(name.str()) + " (per_minute and burst are known)"));
        auto number = integer_of(value, at, 1, 10'000'000);
        if (!number) return keep_error(*document_, name_, key, number.error());
        (name.str() == "per_minute" ? minute : at_once) = static_cast<double>(*number);
    }
    per_minute = minute;
    burst = at_once;
    return true;
}

void Section::refuse(std::string_view key, std::string_view message) {
    const auto found = lookup(*document_, name_, key);
    if (!found) return;
    keep_error(*document_, name_, key,
               make_error(ConfigError::bad_value, found->where.prefix() + "[" + name_ + "] " +
                                                  std::string(key) + ": " + std::string(message)));
}

void Section::refuse(std::string_view message) {
    document_->refusals.push_back(make_error(
        ConfigError::bad_value, document_->source + ": [" + name_ + "] " + std::string(message)));
}

}  // namespace rempart::config
