// Sets up the process's logger: asynchronous, so that logging never blocks a request.
#include "core/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace rempart {
namespace {

// 8192 queued lines take about 3 MiB (spdlog preallocates each slot); the writer thread
// empties the queue far faster than requests fill it, so only a stalled disk fills it.
constexpr std::size_t queue_lines = 8192;

}  // namespace

void init_logging(const LogSettings& config) {
    // A full queue drops the oldest lines rather than making a request wait for the disk.
    spdlog::init_thread_pool(queue_lines, 1);
    spdlog::sink_ptr sink;
    if (config.file.empty())
        sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    else  // throws spdlog::spdlog_ex when the file cannot be opened: a failed start-up
        sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(config.file.string());
    auto logger = std::make_shared<spdlog::async_logger>(
        "rempart", sink, spdlog::thread_pool(), spdlog::async_overflow_policy::overrun_oldest);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");
    logger->set_level(spdlog::level::from_str(config.level));
    // Warnings reach the disk at once; routine lines within a second, as tests and
    // operators tailing the file expect.
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
}

void shutdown_logging() {
    // Joining the thread pool writes every queued line before it returns.
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
