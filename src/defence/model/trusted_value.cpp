// The kinds of value an organiser vouches for, named as the store keeps them.
#include "defence/model/trusted_value.hpp"

namespace rempart::defence {

std::string_view to_string(TrustKind kind) {
    return kind == TrustKind::email_domain ? "email_domain" : "network";
}

std::optional<TrustKind> parse_trust_kind(std::string_view text) {
    if (text == "email_domain") return TrustKind::email_domain;
    if (text == "network") return TrustKind::network;
    return std::nullopt;
}

}  // namespace rempart::defence
