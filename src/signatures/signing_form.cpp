// The signing form: what the browser sent, and the signature it describes once checked.
#include "signatures/signing_form.hpp"

#include "signatures/errors.hpp"
#include "signatures/text_input.hpp"

namespace rempart::signatures {
namespace {

// Checkboxes send "1" (or "on", which browsers send for a box without a value).
bool ticked(std::string_view value) {
    return value == "1" || value == "on" || value == "true";
}

// Form fields are bounded by the body limit already; this bound stops a name of 60 KB
// from being cleaned and normalised before being refused.
constexpr std::size_t raw_bytes_per_char = 8;

}  // namespace

SigningForm read_signing_form(const std::vector<std::pair<std::string, std::string>>& fields) {
    SigningForm form;
    std::vector<std::string_view> seen;
    for (const auto& [key, value] : fields) {
        bool first = true;
        for (const auto name : seen) first = first && name != key;
        if (!first) continue;
        seen.push_back(key);
        if (key == "name") form.name = value;
        else if (key == "email") form.email = value;
        else if (key == "postcode") form.postcode = value;
        else if (key == "comment") form.comment = value;
        else if (key == "public_name") form.public_name = ticked(value);
        else if (key == "newsletter") form.newsletter = ticked(value);
        else if (key == "updates") form.updates = ticked(value);
        else if (key == "accept_terms") form.accept_terms = ticked(value);
        else if (key == "altcha") form.altcha = value;
    }
    return form;
}

CheckedForm check_signing_form(const SigningForm& form, bool postcode_required,
                               const FieldLimits& limits) {
    CheckedForm checked;
    SigningInput input;
    const auto fail = [&](std::string field, std::string message) {
        checked.errors.push_back({std::move(field), std::move(message)});
    };

    if (form.name.size() > limits.name_chars * raw_bytes_per_char) {
        fail("name", "sign.name_too_long");
    } else if (auto name = clean_text(form.name, limits.name_chars, false); !name) {
        fail("name", name.error().code == SignatureError::input_too_long ? "sign.name_too_long"
                                                                         : "sign.text_invalid");
    } else if (name->empty()) {
        fail("name", "sign.name_required");
    } else {
        input.name = std::move(*name);
        input.name_normalised = normalise_for_comparison(input.name);
    }

    if (form.email.find_first_not_of(" \t") == std::string::npos) {
        fail("email", "sign.email_required");
    } else if (auto email = parse_email(form.email); !email) {
        fail("email", "sign.email_invalid");
    } else {
        input.email = std::move(*email);
    }

    if (form.postcode.find_first_not_of(" \t") == std::string::npos) {
        if (postcode_required) fail("postcode", "sign.postcode_required");
    } else if (auto postcode = parse_french_postcode(form.postcode); !postcode) {
        fail("postcode", "sign.postcode_invalid");
    } else {
        input.postcode = std::move(*postcode);
    }

    if (form.comment.size() > limits.comment_chars * raw_bytes_per_char) {
        fail("comment", "sign.comment_too_long");
    } else if (auto comment = clean_text(form.comment, limits.comment_chars, true); !comment) {
        fail("comment", comment.error().code == SignatureError::input_too_long
                            ? "sign.comment_too_long"
                            : "sign.text_invalid");
    } else {
        input.comment = std::move(*comment);
        if (!input.comment.empty())
            input.comment_normalised = normalise_for_comparison(input.comment);
    }

    if (!form.accept_terms) fail("accept_terms", "sign.terms_required");
    if (form.altcha.empty()) fail("altcha", "sign.pow_missing");

    input.public_name = form.public_name;
    input.newsletter = form.newsletter;
    input.updates = form.updates;
    if (checked.errors.empty()) checked.input = std::move(input);
    return checked;
}

}  // namespace rempart::signatures
