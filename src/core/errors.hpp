// The errors of core's own jobs: reading the configuration file and keeping the secret.
#pragma once

#include <string_view>

namespace rempart {

// Start-up stops on any of these, with the file, line and column in the detail.
enum class ConfigError {
    syntax,       // the file is not TOML
    unknown_key,  // a section or key Rempart does not know: a typo never passes silently
    bad_type,     // a section written as a value
    bad_value,    // a value of the wrong type or range, or two settings that contradict
    bad_cidr,     // not an IP address or network
    bad_listen,   // [server] listen is not address:port
    unreadable,   // the config file, or a file a setting names, cannot be read
};

constexpr std::string_view error_name(ConfigError error) {
    switch (error) {
        case ConfigError::syntax:
            return "config.syntax";
        case ConfigError::unknown_key:
            return "config.unknown_key";
        case ConfigError::bad_type:
            return "config.bad_type";
        case ConfigError::bad_value:
            return "config.bad_value";
        case ConfigError::bad_cidr:
            return "config.bad_cidr";
        case ConfigError::bad_listen:
            return "config.bad_listen";
        case ConfigError::unreadable:
            return "config.unreadable";
    }
    return "config.unknown";
}

enum class SecretError {
    invalid,  // secret.key holds something Rempart did not write: never replaced silently
    failed,   // a new secret could not be made or written
    missing,  // a key file that must be there is not (the backups' key, when restoring)
};

constexpr std::string_view error_name(SecretError error) {
    switch (error) {
        case SecretError::invalid:
            return "secret.invalid";
        case SecretError::failed:
            return "secret.failed";
        case SecretError::missing:
            return "secret.missing";
    }
    return "secret.unknown";
}

}  // namespace rempart
