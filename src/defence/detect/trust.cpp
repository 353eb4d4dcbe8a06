// The values an organiser vouches for, per petition or for the whole site.
#include "defence/detect/trust.hpp"

#include <algorithm>
#include <boost/system/error_code.hpp>

#include "defence/model/errors.hpp"

namespace rempart::defence::detect {
namespace {

bool domain_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

Result<std::string> normalise_domain(std::string_view text) {
    std::string domain;
    for (const char c : text) domain += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    while (!domain.empty() && domain.back() == '.') domain.pop_back();
    if (!domain.empty() && domain.front() == '@') domain.erase(0, 1);
    const bool well_formed = !domain.empty() && domain.size() <= 253 &&
                             domain.find('.') != std::string::npos && domain.front() != '.' &&
                             domain.front() != '-' && domain.find("..") == std::string::npos &&
                             std::all_of(domain.begin(), domain.end(), domain_character);
    if (!well_formed)
        return make_error(defence::DefenceError::trust_bad_domain,
                          "a mail domain looks like amis-du-bocage.fr (letters, digits, dots and "
                          "hyphens; internationalised domains in their xn-- form)");
    return domain;
}

Result<std::string> normalise_network(std::string_view text) {
    auto network = parse_network(text);
    if (!network)
        return make_error(defence::DefenceError::trust_bad_network,
                          "a network is written 193.48.0.0/16 or 2001:db8::/48, or one address");
    const bool v4 = network->base.is_v4();
    if (network->prefix_length < (v4 ? 16u : 32u))
        return make_error(defence::DefenceError::trust_too_wide,
                          std::string("a trusted network is at most a /") + (v4 ? "16" : "32") +
                              ": a wider one would vouch for a whole provider");
    return network->base.to_string() + "/" + std::to_string(network->prefix_length);
}

}  // namespace

Result<std::string> normalise_trusted(TrustKind kind, std::string_view text) {
    return kind == TrustKind::email_domain ? normalise_domain(text) : normalise_network(text);
}

TrustList::TrustList(const std::vector<TrustedValue>& values) {
    for (const auto& value : values) {
        const auto petition = value.petition_id.value_or(0);
        auto normal = normalise_trusted(value.kind, value.value);
        if (!normal) continue;
        if (value.kind == TrustKind::email_domain) {
            domains_[petition].insert(*normal);
        } else if (auto network = parse_network(*normal)) {
            networks_[petition].push_back(*network);
        }
    }
}

bool TrustList::trusts_domain(std::int64_t petition_id, std::string_view domain) const {
    if (domain.empty()) return false;
    for (const std::int64_t scope : {petition_id, std::int64_t{0}}) {
        const auto found = domains_.find(scope);
        if (found == domains_.end()) continue;
        // The domain itself, then each parent: "a.b.fr", "b.fr".
        for (std::string_view rest = domain;;) {
            if (found->second.contains(std::string(rest))) return true;
            const auto dot = rest.find('.');
            if (dot == std::string_view::npos) break;
            rest.remove_prefix(dot + 1);
        }
    }
    return false;
}

bool TrustList::trusts_address(std::int64_t petition_id, std::string_view address) const {
    if (networks_.empty() || address.empty()) return false;
    boost::system::error_code error;
    const auto parsed = boost::asio::ip::make_address(std::string(address), error);
    if (error) return false;
    for (const std::int64_t scope : {petition_id, std::int64_t{0}}) {
        const auto found = networks_.find(scope);
        if (found == networks_.end()) continue;
        for (const auto& network : found->second)
            if (network.contains(parsed)) return true;
    }
    return false;
}

}  // namespace rempart::defence::detect
