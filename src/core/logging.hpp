// Sets up the process's logger: lines written in batches by their own thread, so that
// logging never blocks a request.
#pragma once

#include "core/log_settings.hpp"

namespace rempart {

// Makes spdlog's default logger one writing `config.file` (standard error when empty) at
// `config.level`, lines like "2026-11-25T04:31:28.123+00:00 info EVENT k=v", through a
// BatchedLogSink: lines waiting for a stalled disk beyond 4 MiB are dropped and counted.
// Throws spdlog::spdlog_ex when the file cannot be opened: call it at start-up only.
void init_logging(const LogSettings& config);
// Writes every pending line and stops the logger's thread; call before the process exits.
// Later lines of level warn and above go to standard error, synchronously.
void shutdown_logging();

}  // namespace rempart
