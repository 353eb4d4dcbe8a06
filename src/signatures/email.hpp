// E-mail addresses as signers type them: checked, and reduced to one form per mailbox so
// that one person cannot sign twice with Gmail's dots or a +tag.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

struct EmailAddress {
    std::string as_typed;   // trimmed, for the confirmation mail
    std::string local;      // as typed
    std::string domain;     // lowercase, as typed (may be Unicode)
    std::string ascii_domain;  // A-labels, lowercase: for DNS, lists and limits
    std::string canonical;  // one mailbox, one form: for duplicates only, never for sending
};

// Syntax per RFC 5321/5322 for what people really type: a dot-atom local part (UTF-8
// allowed, as RFC 6531 lets mail servers accept), a domain of at least two labels, 254
// bytes at most. Errors: "email.invalid" with a detail naming what is wrong.
Result<EmailAddress> parse_email(std::string_view typed);

// The canonical form: lowercase; for providers known to ignore them, dots (Gmail) and
// +tags removed; googlemail.com is gmail.com.
std::string canonical_email(std::string_view local, std::string_view domain);

}  // namespace rempart::signatures
