// The errors of signing: what a signer typed, the lists it is checked against, the links
// a signer clicks.
#pragma once

#include <string_view>

namespace rempart::signatures {

enum class SignatureError {
    input_not_utf8,       // a field is not UTF-8 text
    input_too_long,       // a field has more characters than its limit
    email_invalid,        // not an e-mail address Rempart accepts
    postcode_invalid,     // not a French postcode
    disposable_bad_list,  // a list of disposable domains is not a JSON array of domains
    disposable_missing,   // the bundled lists of disposable domains are not in this build
    link_invalid,         // a confirmation link is unknown or has expired
    withdrawn,            // the signature was withdrawn or set aside
};

constexpr std::string_view error_name(SignatureError error) {
    switch (error) {
        case SignatureError::input_not_utf8:
            return "input.not_utf8";
        case SignatureError::input_too_long:
            return "input.too_long";
        case SignatureError::email_invalid:
            return "email.invalid";
        case SignatureError::postcode_invalid:
            return "postcode.invalid";
        case SignatureError::disposable_bad_list:
            return "disposable.bad_list";
        case SignatureError::disposable_missing:
            return "disposable.missing";
        case SignatureError::link_invalid:
            return "signature.link_invalid";
        case SignatureError::withdrawn:
            return "signature.withdrawn";
    }
    return "signature.unknown";
}

}  // namespace rempart::signatures
