// The errors of the command line's own work, beside those of the modules it calls.
#pragma once

#include <string_view>

namespace rempart::cli {

enum class CliError {
    no_file,  // a file named on the command line cannot be read
};

constexpr std::string_view error_name(CliError error) {
    switch (error) {
        case CliError::no_file:
            return "cli.no_file";
    }
    return "cli.unknown";
}

}  // namespace rempart::cli
