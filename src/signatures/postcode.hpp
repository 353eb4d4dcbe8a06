// French postcodes, and the département each one belongs to.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart::signatures {

struct Postcode {
    std::string code;        // five digits
    std::string department;  // "01".."95", "2A", "2B", "971".."976", ...
};

// Error: "postcode.invalid".
Result<Postcode> parse_french_postcode(std::string_view typed);

}  // namespace rempart::signatures
