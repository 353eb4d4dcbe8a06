// Sets up the process's logger: asynchronous, so that logging never blocks a request.
#include "core/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace rempart {

void init_logging(const LogConfig& config) {
    // A full queue drops the oldest lines rather than making a request wait for the disk.
    spdlog::init_thread_pool(64 * 1024, 1);
    spdlog::sink_ptr sink;
    if (config.file.empty())
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    else
        sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(config.file.string());
    auto logger = std::make_shared<spdlog::async_logger>(
        "rempart", sink, spdlog::thread_pool(), spdlog::async_overflow_policy::overrun_oldest);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    logger->set_level(spdlog::level::from_str(config.level));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
}

void shutdown_logging() {
    spdlog::default_logger()->flush();
    spdlog::shutdown();
}

}  // namespace rempart
