// The values an organiser vouches for (the association's own mail domain, a campus's
// network), checked as they are typed and looked up for every attempt: a trusted value
// never makes a cluster on its own. Pure.
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
#include "defence/model/trusted_value.hpp"

namespace rempart::defence::detect {

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

}  // namespace rempart::defence::detect
