// What anonymising a signature writes, for every rule and request that does it: one list, so
// that erasing on request and anonymising after a petition closed erase the same things.
#pragma once

#include <string_view>

namespace rempart::store::detail {

// The SET list of an UPDATE of signatures: name, address, postcode, comment and IP address
// replaced; the state and the département stay, so counts (and counts by area) stay true.
// The mailbox's place in the one-signature-a-mailbox index is taken by a value no mailbox
// has.
inline constexpr std::string_view anonymised_signature =
    "name = '', name_normalised = '', email = '', email_canonical = 'anonymised:' || id, "
    "email_domain = '', postcode = NULL, comment = '', ip = '', public_name = 0";

}  // namespace rempart::store::detail
