// The form to trust a mail domain or a network, read and checked: what kind, which value,
// for the whole site or one petition, and the organiser's note. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "defence/detect/trust.hpp"
#include "petitions/catalog.hpp"

namespace rempart::admin {

// The longest note kept beside a trusted value, in characters; one more is refused.
inline constexpr std::size_t trust_note_chars = 200;

// The scope field's value for the whole site; any other value is a petition's slug.
inline constexpr std::string_view whole_site = "site";

struct TrustInput {
    std::string kind;   // email_domain, network
    std::string value;  // as typed
    std::string scope;  // whole_site, or a petition's slug
    std::string note;
};
TrustInput read_trust(const std::vector<std::pair<std::string, std::string>>& form);

struct TrustCheck {
    defence::TrustedValue value;  // normalised (defence::detect::normalise_trusted)
    std::string note;             // cleaned
    // Each error names its field and a message key: the trust.* codes of
    // defence::detect::normalise_trusted for the value, admin.trust_* for the others.
    std::vector<std::pair<std::string, std::string>> errors;
};
// Usable only when there are no errors.
TrustCheck check_trust(const TrustInput& input, const CatalogSnapshot& petitions);

}  // namespace rempart::admin
