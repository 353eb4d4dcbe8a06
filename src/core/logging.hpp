// Sets up the process's logger: asynchronous, so that logging never blocks a request.
#pragma once

#include "core/config.hpp"

namespace rempart {

void init_logging(const LogConfig& config);
// Flushes what is queued; call before the process exits.
void shutdown_logging();

}  // namespace rempart
