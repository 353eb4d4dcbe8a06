// E-mail addresses as signers type them: checked, and reduced to one form per mailbox so
// that one person cannot sign twice with Gmail's dots or a +tag.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

struct EmailAddress {
    std::string as_typed;      // trimmed, for the confirmation mail
    std::string local;         // as typed
    std::string domain;        // lowercase U-labels ("exämple.fr"): for showing
    std::string ascii_domain;  // lowercase A-labels ("xn--exmple-cua.fr"): for DNS, lists, limits
    std::string canonical;     // one mailbox, one form: for duplicates only, never for sending
};

// Syntax per RFC 5321/5322 for what people really type: a dot-atom local part (UTF-8
// allowed, as RFC 6531 lets mail servers accept), a domain of at least two labels, 254
// bytes at most; international domains must be valid IDNA 2008 and may not mix Latin,
// Greek and Cyrillic letters in one label. Errors: SignatureError::email_invalid with a detail
// naming what is wrong.
Result<EmailAddress> parse_email(std::string_view typed);

// The canonical form: lowercase (NFC for Unicode local parts); for providers known to
// ignore them, dots (Gmail) and +tags removed; googlemail.com is gmail.com. `domain` is
// expected in A-labels.
std::string canonical_email(std::string_view local, std::string_view domain);

// The mailbox an address reaches, for capping the mail it gets: the canonical form with any
// +tag removed at every domain (most servers deliver "victim+1@" to "victim@"), so that
// tags cannot multiply the mails one person receives. Never used to find duplicates.
std::string mailbox_key(std::string_view local, std::string_view domain);

// A domain as DNS knows it: lowercase A-labels (IDNA 2008, UTS #46 non-transitional
// mapping, so "EXÄMPLE.fr" and "exämple.fr" are one domain). Error: SignatureError::email_invalid.
Result<std::string> ascii_domain(std::string_view domain);

}  // namespace rempart::signatures
