// The e-mail address that names a back-office account.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::accounts {

// Checked like a signer's address, then kept as one form (lowercase, domain in A-labels),
// so "Alice@Example.org" and "alice@example.org" are one account. Error:
// AccountError::email_invalid.
Result<std::string> account_email(std::string_view typed);

}  // namespace rempart::accounts
