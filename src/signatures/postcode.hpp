// French postcodes, and the département each one belongs to.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

struct Postcode {
    std::string code;  // five digits
    // Where the signature is counted: "01".."95" (no "20"), "2A" or "2B" in Corsica,
    // "971".."976" overseas départements and Saint-Pierre-et-Miquelon, "977"
    // Saint-Barthélemy, "978" Saint-Martin, "984" French Southern Lands, "986" Wallis and
    // Futuna, "987" French Polynesia, "988" New Caledonia, "MC" Monaco.
    std::string department;
};

// Five digits, with spaces around and at most one inside ("75 011"). Codes no part of
// France uses (00xxx, 96xxx, 99xxx, 207xx..209xx, 970xx, 979xx, ...) are refused.
// Error: SignatureError::postcode_invalid.
Result<Postcode> parse_french_postcode(std::string_view typed);

}  // namespace rempart::signatures
