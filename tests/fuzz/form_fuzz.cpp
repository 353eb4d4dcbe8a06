// Fuzzes application/x-www-form-urlencoded parsing (bodies and query strings).
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "http/errors.hpp"
#include "http/target.hpp"

using namespace rempart;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fuzz::as_text(data, size);
    const auto form = http::parse_form(text);
    if (!form) {
        FUZZ_CHECK(form.error().code == http::HttpError::bad_form);
        return 0;
    }
    FUZZ_CHECK(form->size() <= text.size());
    for (const auto& [name, value] : *form) {
        FUZZ_CHECK(is_valid_utf8(name) && is_valid_utf8(value));
        // form_value gives the first value of a name.
        const auto first = http::form_value(*form, name);
        FUZZ_CHECK(first.has_value());
    }
    // Encoding the fields again and parsing that gives the same fields: escaping
    // round-trips, and no name or value can spill into another.
    std::string encoded;
    for (const auto& [name, value] : *form) {
        if (!encoded.empty()) encoded += '&';
        encoded += percent_encode(name) + "=" + percent_encode(value);
    }
    const auto again = http::parse_form(encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *form);
    return 0;
}
