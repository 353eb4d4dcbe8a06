// The errors of starting the server; each stops start-up.
#pragma once

#include <string_view>

namespace rempart::net {

enum class ServerError {
    tls_failed,     // the certificate or the private key cannot be used
    listen_failed,  // the address is taken or not ours
};

constexpr std::string_view error_name(ServerError error) {
    switch (error) {
        case ServerError::tls_failed:
            return "server.tls_failed";
        case ServerError::listen_failed:
            return "server.listen_failed";
    }
    return "server.unknown";
}

}  // namespace rempart::net
