// How a subcommand says it failed: one line on standard error, and the exit status 1.
#pragma once

#include <string_view>

namespace rempart::cli {

// Writes "rempart: <message>" to standard error; returns 1, for `return fail(...)`.
int fail(std::string_view message);

}  // namespace rempart::cli
