// Fuzzes French postcode parsing and the département it counts a signature in.
#include <string>

#include "fuzz_check.hpp"
#include "signatures/errors.hpp"
#include "signatures/postcode.hpp"

using namespace rempart;
using namespace rempart::signatures;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto postcode = parse_french_postcode(fuzz::as_text(data, size));
    if (!postcode) {
        FUZZ_CHECK(postcode.error().code == SignatureError::postcode_invalid);
        return 0;
    }
    FUZZ_CHECK(postcode->code.size() == 5);
    for (const char c : postcode->code) FUZZ_CHECK(c >= '0' && c <= '9');
    const auto& d = postcode->department;
    FUZZ_CHECK(d.size() == 2 || d.size() == 3);
    FUZZ_CHECK(d == "2A" || d == "2B" || d == "MC" || postcode->code.starts_with(d) || d == "977" ||
               d == "978");
    // The five digits alone give the same département.
    const auto again = parse_french_postcode(postcode->code);
    FUZZ_CHECK(again.ok() && again->department == d && again->code == postcode->code);
    return 0;
}
