// The errors of the shield's start-up: the table of networks and their operators.
#pragma once

#include <string_view>

namespace rempart::shield {

enum class ShieldError {
    asn_bad_row,    // a row of an ASN table is not "first,last,asn,name"
    asn_missing,    // the bundled ASN table is not in this build
    asn_bad_image,  // the bundled ASN table's compact form is not one this build reads
};

constexpr std::string_view error_name(ShieldError error) {
    switch (error) {
        case ShieldError::asn_bad_row:
            return "asn.bad_row";
        case ShieldError::asn_missing:
            return "asn.missing";
        case ShieldError::asn_bad_image:
            return "asn.bad_image";
    }
    return "asn.unknown";
}

}  // namespace rempart::shield
