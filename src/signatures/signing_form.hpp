// The signing form: what the browser sent, and the signature it describes once checked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "signatures/email.hpp"
#include "signatures/postcode.hpp"

namespace rempart::signatures {

// The fields as typed, kept to fill the form again when something is wrong.
struct SigningForm {
    std::string name;
    std::string email;
    std::string postcode;
    std::string comment;
    bool public_name = false;
    bool newsletter = false;  // the association's newsletter
    bool updates = false;     // news of this petition: its updates, answer, victory
    bool accept_terms = false;
    std::string altcha;  // the proof-of-work widget's payload
};

// Form fields (application/x-www-form-urlencoded, decoded) to a SigningForm. Unknown fields
// are ignored; a field sent twice keeps its first value.
SigningForm read_signing_form(const std::vector<std::pair<std::string, std::string>>& fields);

// Bounds, in characters, on what a signer types.
struct FieldLimits {
    std::size_t name_chars = 100;
    std::size_t comment_chars = 1000;
};

// One error beside one field: the field's name in the form and a message key in locales/.
struct FieldError {
    std::string field;  // "name", "email", "postcode", "comment", "accept_terms", "altcha"
    std::string message;  // e.g. "sign.name_required"
};

// A signing that passed every check that needs nothing but the form itself.
struct SigningInput {
    std::string name;  // cleaned, for display
    std::string name_normalised;
    EmailAddress email;
    std::optional<Postcode> postcode;
    std::string comment;  // cleaned
    std::string comment_normalised;
    bool public_name = false;
    bool newsletter = false;
    bool updates = false;
};

struct CheckedForm {
    std::optional<SigningInput> input;  // set when `errors` is empty
    std::vector<FieldError> errors;     // in the form's order
};

// Checks every field and reports every problem at once, so the signer fixes them in one go.
// The proof of work is checked by the caller (it needs the server's memory of used ones);
// here only its presence.
CheckedForm check_signing_form(const SigningForm& form, bool postcode_required,
                               const FieldLimits& limits = {});

}  // namespace rempart::signatures
