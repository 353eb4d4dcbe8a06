// Fuzzes the cleaning of what signers type (names, comments) and its comparison form.
// The first byte picks the limit and whether lines are kept; the rest is the text.
#include <string>

#include "core/text.hpp"
#include "fuzz_check.hpp"
#include "signatures/errors.hpp"
#include "signatures/text_input.hpp"

using namespace rempart;
using namespace rempart::signatures;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const bool multiline = data[0] & 1;
    const std::size_t max_chars = (data[0] >> 1) % 2 ? 100 : 1000;
    const auto raw = fuzz::as_text(data + 1, size - 1);

    const auto cleaned = clean_text(raw, max_chars, multiline);
    if (!cleaned) {
        const auto& code = cleaned.error().code;
        FUZZ_CHECK(code == SignatureError::input_not_utf8 ||
                   code == SignatureError::input_too_long);
        FUZZ_CHECK(code != SignatureError::input_not_utf8 || !is_valid_utf8(raw));
    } else {
        const auto& text = *cleaned;
        FUZZ_CHECK(is_valid_utf8(text));
        FUZZ_CHECK(count_code_points(text) <= max_chars);
        FUZZ_CHECK(text.empty() || (text.front() != ' ' && text.back() != ' '));
        FUZZ_CHECK(text.empty() || (text.front() != '\n' && text.back() != '\n'));
        FUZZ_CHECK(multiline || text.find('\n') == std::string::npos);
        FUZZ_CHECK(text.find('\r') == std::string::npos && text.find('\t') == std::string::npos);
        FUZZ_CHECK(text.find("\n\n\n\n") == std::string::npos);
        // What was shown once is shown unchanged when it is sent again (the form refilled).
        const auto twice = clean_text(text, max_chars, multiline);
        FUZZ_CHECK(twice.ok());
        if (*twice != text) {
            std::fprintf(stderr, "clean_text is not stable: %zu bytes, then %zu\n", text.size(),
                         twice->size());
            FUZZ_CHECK(*twice == text);
        }
        const auto key = normalise_for_comparison(text);
        FUZZ_CHECK(is_valid_utf8(key));
        FUZZ_CHECK(key.empty() || (key.front() != ' ' && key.back() != ' '));
        FUZZ_CHECK(key.find("  ") == std::string::npos);
    }
    // Whatever comes in, the comparison form is valid UTF-8.
    FUZZ_CHECK(is_valid_utf8(normalise_for_comparison(raw)));
    return 0;
}
