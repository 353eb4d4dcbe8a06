// A value an organiser vouches for (the association's own mail domain, a campus's network),
// for one petition or the whole site, as the store keeps it and the detector reads it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::defence {

enum class TrustKind { email_domain, network };
std::string_view to_string(TrustKind kind);
std::optional<TrustKind> parse_trust_kind(std::string_view text);

struct TrustedValue {
    std::optional<std::int64_t> petition_id;  // none: every petition
    TrustKind kind = TrustKind::email_domain;
    std::string value;  // "amis-du-bocage.fr", "193.48.0.0/16"
};

}  // namespace rempart::defence
