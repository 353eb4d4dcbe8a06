// How a subcommand says it failed.
#include "cli/failure.hpp"

#include <iostream>

namespace rempart::cli {

int fail(std::string_view message) {
    std::cerr << "rempart: " << message << "\n";
    return 1;
}

}  // namespace rempart::cli
