// The e-mail address that names a back-office account.
#include "accounts/account_email.hpp"

#include <algorithm>
#include <cctype>

#include "accounts/errors.hpp"
#include "core/text.hpp"
#include "signatures/email.hpp"

namespace rempart::accounts {

Result<std::string> account_email(std::string_view typed) {
    auto parsed = signatures::parse_email(typed);
    if (!parsed)
        return make_error(
            AccountError::email_invalid,
            "'" + std::string(typed) + "' is not an e-mail address: " + parsed.error().detail);
    // ASCII case only: Unicode local parts are rare for staff and kept as typed.
    return to_lower_ascii(parsed->local) + "@" + parsed->ascii_domain;
}

}  // namespace rempart::accounts
