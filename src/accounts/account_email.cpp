// The e-mail address that names a back-office account.
#include "accounts/account_email.hpp"

#include <algorithm>
#include <cctype>

#include "accounts/errors.hpp"
#include "signatures/email.hpp"

namespace rempart::accounts {

Result<std::string> account_email(std::string_view typed) {
    auto parsed = signatures::parse_email(typed);
    if (!parsed)
        return make_error(
            AccountError::email_invalid,
            "'" + std::string(typed) + "' is not an e-mail address: " + parsed.error().detail);
    std::string local = parsed->local;
    // ASCII case only: Unicode local parts are rare for staff and kept as typed.
    std::transform(local.begin(), local.end(), local.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return local + "@" + parsed->ascii_domain;
}

}  // namespace rempart::accounts
