// The values an organiser vouches for (the association's own mail domain, a campus's
// network): for one petition or the whole site. A trusted value never makes a cluster on
// its own. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/ip_network.hpp"
#include "core/result.hpp"

namespace rempart::detect {

enum class TrustKind { email_domain, network };
std::string_view to_string(TrustKind kind);
std::optional<TrustKind> parse_trust_kind(std::string_view text);

struct TrustedValue {
    std::optional<std::int64_t> petition_id;  // none: every petition
    TrustKind kind = TrustKind::email_domain;
    std::string value;  // "amis-du-bocage.fr", "193.48.0.0/16"
};

// The value as it is kept: a domain in lower case without a final dot, a network as
// "address/length". Errors a person can act on: DefenceError::trust_bad_domain,
// DefenceError::trust_bad_network, DefenceError::trust_too_wide (a network wider than /16 in IPv4
// or /32 in IPv6 would vouch for a whole provider).
Result<std::string> normalise_trusted(TrustKind kind, std::string_view text);

class TrustList {
  public:
    TrustList() = default;
    // Values that do not normalise are skipped: the store only holds normalised ones.
    explicit TrustList(const std::vector<TrustedValue>& values);

    // The domain or one of its parents is trusted ("etu.univ-exemple.fr" under
    // "univ-exemple.fr").
    bool trusts_domain(std::int64_t petition_id, std::string_view domain) const;
    bool trusts_address(std::int64_t petition_id, std::string_view address) const;
    bool empty() const { return domains_.empty() && networks_.empty(); }

  private:
    // Petition 0: the whole site.
    std::unordered_map<std::int64_t, std::unordered_set<std::string>> domains_;
    std::unordered_map<std::int64_t, std::vector<Network>> networks_;
};

}  // namespace rempart::detect
