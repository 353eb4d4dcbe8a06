// The errors of the DNS checker.
#pragma once

#include <string_view>

namespace rempart::dns {

enum class DnsError {
    init,  // c-ares could not start, or [dns] names servers it cannot use
};

constexpr std::string_view error_name(DnsError error) {
    switch (error) {
        case DnsError::init:
            return "dns.init";
    }
    return "dns.unknown";
}

}  // namespace rempart::dns
