// Sets up the process's logger: lines written in batches by their own thread, so that
// logging never blocks a request.
#include "core/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/batched_log_sink.hpp"

namespace rempart {

void init_logging(const LogSettings& config) {
    std::shared_ptr<BatchedLogSink> sink;
    if (config.file.empty())
        sink = std::make_shared<BatchedLogSink>(BatchedLogSink::Tuning{});
    else  // throws spdlog::spdlog_ex when the file cannot be opened: a failed start-up
        sink = std::make_shared<BatchedLogSink>(config.file, BatchedLogSink::Tuning{});
    auto logger = std::make_shared<spdlog::logger>("rempart", std::move(sink));
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    logger->set_level(spdlog::level::from_str(config.level));
    // Warnings reach the disk at once; routine lines within the sink's batch window (a tenth
    // of a second), as tests and operators tailing the file expect.
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
}

void shutdown_logging() {
    // Dropping the last reference to the sink writes every pending line and stops its thread.
    spdlog::shutdown();
    // spdlog::shutdown leaves no default logger, and a line logged then (a destructor, a
    // thread still stopping) would dereference it; such late warnings go to standard error.
    auto late = std::make_shared<spdlog::logger>("rempart",
                                                 std::make_shared<spdlog::sinks::stderr_sink_mt>());
    late->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    late->set_level(spdlog::level::warn);
    spdlog::set_default_logger(std::move(late));
}

}  // namespace rempart
