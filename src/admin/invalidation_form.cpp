// The form to invalidate signatures by hand, read and checked.
#include "admin/invalidation_form.hpp"

#include <boost/asio/ip/address.hpp>

#include <cctype>
#include <charconv>
#include <ctime>

#include "core/text.hpp"
#include "shield/network.hpp"
#include "signatures/email.hpp"
#include "signatures/text_input.hpp"

namespace rempart::admin {
namespace {

std::string trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

// The value for the kind, in the form the store compares; empty when it cannot be read.
std::string value_for(store::FilterKind kind, const std::string& typed) {
    using store::FilterKind;
    boost::system::error_code error;
    switch (kind) {
        case FilterKind::ip: {
            const auto address = boost::asio::ip::make_address(typed, error);
            return error ? std::string() : address.to_string();
        }
        case FilterKind::network: {
            // An address of the network, or the network as written: 192.0.2.0/24.
            const auto address =
                boost::asio::ip::make_address(typed.substr(0, typed.find('/')), error);
            return error ? std::string() : shield::network_keys(address).narrow;
        }
        case FilterKind::as: {
            std::string_view digits = typed;
            if (digits.size() > 2 && to_lower_ascii(std::string(digits.substr(0, 2))) == "as")
                digits.remove_prefix(2);
            std::uint32_t number = 0;
            const auto [end, failed] =
                std::from_chars(digits.data(), digits.data() + digits.size(), number);
            if (failed != std::errc() || end != digits.data() + digits.size() || digits.empty())
                return {};
            return std::to_string(number);
        }
        case FilterKind::email_domain: {
            auto domain = signatures::ascii_domain(to_lower_ascii(typed));
            return domain ? *domain : std::string();
        }
        case FilterKind::name: {
            const auto cleaned = signatures::clean_text(typed, 200, false);
            return cleaned ? signatures::normalise_for_comparison(*cleaned) : std::string();
        }
        case FilterKind::time_range:
            return {};
    }
    return {};
}

}  // namespace

InvalidationInput read_invalidation(const std::vector<std::pair<std::string, std::string>>& form) {
    InvalidationInput input;
    for (const auto& [name, value] : form) {
        if (name == "petition")
            input.petition = trimmed(value);
        else if (name == "kind")
            input.kind = trimmed(value);
        else if (name == "value")
            input.value = trimmed(value);
        else if (name == "from")
            input.from = trimmed(value);
        else if (name == "to")
            input.to = trimmed(value);
        else if (name == "confirm")
            input.confirmed = value == "1";
    }
    return input;
}

std::int64_t parse_utc_minute(std::string_view text) {
    std::tm parts{};
    const std::string copy(text);
    const char* end = strptime(copy.c_str(), "%Y-%m-%dT%H:%M", &parts);
    if (end == nullptr) return -1;
    if (*end == ':') end = strptime(end, ":%S", &parts);
    if (end == nullptr || *end != '\0') return -1;
    return static_cast<std::int64_t>(timegm(&parts));
}

InvalidationCheck check_invalidation(const InvalidationInput& input,
                                     const CatalogSnapshot& petitions) {
    using store::FilterKind;
    InvalidationCheck check;
    const auto* petition = petitions.find(input.petition);
    if (petition == nullptr)
        check.errors.push_back({"petition", "admin.inv_petition_unknown"});
    else
        check.filter.petition_id = petition->id;

    static const std::pair<const char*, FilterKind> kinds[] = {
        {"ip", FilterKind::ip},     {"network", FilterKind::network},
        {"as", FilterKind::as},     {"email_domain", FilterKind::email_domain},
        {"name", FilterKind::name}, {"time_range", FilterKind::time_range}};
    bool known = false;
    for (const auto& [word, kind] : kinds)
        if (input.kind == word) {
            check.filter.kind = kind;
            known = true;
        }
    if (!known)
        check.errors.push_back({"kind", "admin.inv_kind_unknown"});
    else if (check.filter.kind != FilterKind::time_range) {
        check.filter.value = value_for(check.filter.kind, input.value);
        if (check.filter.value.empty())
            check.errors.push_back({"value", "admin.inv_value_" + input.kind});
    }

    if (!input.from.empty()) {
        check.filter.from_s = parse_utc_minute(input.from);
        if (check.filter.from_s < 0) check.errors.push_back({"from", "admin.inv_time_bad"});
    }
    if (!input.to.empty()) {
        // A minute written as the end includes its seconds.
        const auto to = parse_utc_minute(input.to);
        if (to < 0)
            check.errors.push_back({"to", "admin.inv_time_bad"});
        else
            check.filter.to_s = to + 59;
    }
    if (known && check.filter.kind == FilterKind::time_range && input.from.empty() &&
        input.to.empty())
        check.errors.push_back({"from", "admin.inv_range_needed"});
    if (check.filter.from_s > check.filter.to_s)
        check.errors.push_back({"to", "admin.inv_range_reversed"});
    return check;
}

}  // namespace rempart::admin
