// The errors of the administrators' accounts: their e-mail and their password.
#pragma once

#include <string_view>

namespace rempart::accounts {

enum class AccountError {
    email_invalid,          // not an e-mail address
    email_taken,            // another account has this e-mail
    user_not_found,         // no account has this id or e-mail
    password_too_short,     // fewer characters than password_min_chars
    password_too_long,      // more bytes than password_max_bytes
    password_invalid_utf8,  // not UTF-8 text
    password_hash_failed,   // argon2id could not get its memory
};

constexpr std::string_view error_name(AccountError error) {
    switch (error) {
        case AccountError::email_invalid:
            return "account.email_invalid";
        case AccountError::email_taken:
            return "user.email_taken";
        case AccountError::user_not_found:
            return "user.not_found";
        case AccountError::password_too_short:
            return "password.too_short";
        case AccountError::password_too_long:
            return "password.too_long";
        case AccountError::password_invalid_utf8:
            return "password.invalid_utf8";
        case AccountError::password_hash_failed:
            return "password.hash_failed";
    }
    return "account.unknown";
}

}  // namespace rempart::accounts
