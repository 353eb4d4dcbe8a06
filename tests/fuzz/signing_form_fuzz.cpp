// Fuzzes the signing form from its urlencoded body to a checked signature.
// The first byte says whether the petition asks for a postcode; the rest is the body.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/target.hpp"
#include "signatures/signing_form.hpp"

using namespace rempart;
using namespace rempart::signatures;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool postcode_required = data[0] & 1;
    const auto fields = http::parse_form(fuzz::as_text(data + 1, size - 1));
    if (!fields) return 0;
    const auto form = read_signing_form(*fields);
    const auto checked = check_signing_form(form, postcode_required);
    FUZZ_CHECK(checked.input.has_value() == checked.errors.empty());
    for (const auto& error : checked.errors) {
        FUZZ_CHECK(error.message.starts_with("sign."));
        FUZZ_CHECK(error.field == "name" || error.field == "email" || error.field == "postcode" ||
                   error.field == "comment" || error.field == "accept_terms" ||
                   error.field == "altcha");
    }
    if (!checked.input) return 0;
    const auto& input = *checked.input;
    FUZZ_CHECK(!input.name.empty() && is_valid_utf8(input.name));
    FUZZ_CHECK(count_code_points(input.name) <= FieldLimits{}.name_chars);
    FUZZ_CHECK(count_code_points(input.comment) <= FieldLimits{}.comment_chars);
    FUZZ_CHECK(input.name.find('\n') == std::string::npos);
    FUZZ_CHECK(!input.email.canonical.empty());
    FUZZ_CHECK(input.postcode.has_value() || !postcode_required);
    FUZZ_CHECK(form.accept_terms && !form.altcha.empty());
    return 0;
}
