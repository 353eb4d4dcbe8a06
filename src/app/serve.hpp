// `rempart serve`: the server wired from the config and run until it is told to stop.
#pragma once

#include "app/settings.hpp"

namespace rempart::app {

// Runs the server until SIGTERM or SIGINT; returns the process's exit code.
int serve(const Config& config, bool demo);

}  // namespace rempart::app
