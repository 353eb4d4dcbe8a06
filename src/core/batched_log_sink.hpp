// A log sink that formats lines where they are logged and writes them from its own thread in
// batches, so that a request logging a line never waits for the disk nor wakes a thread.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

namespace rempart {

// spdlog's asynchronous logger woke its thread for every line: a futex call from each
// request, a tenth of the page bench's time. Here the first line of a batch wakes the
// writing thread, which lets the batch gather for `batch_window` and writes it in one call.
// Warnings wake it at once (spdlog calls flush for them, see flush_on). When the disk stalls
// and `max_pending` bytes wait, later lines are dropped and counted, and the count is written
// when the disk takes lines again: a request never waits.
class BatchedLogSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    struct Tuning {
        std::chrono::milliseconds batch_window{100};
        std::size_t max_pending = 4 * 1024 * 1024;
    };
    // Appends to `file`, creating its folder; throws spdlog::spdlog_ex when it cannot.
    explicit BatchedLogSink(const std::filesystem::path& file, Tuning tuning);
    // Writes to standard error.
    explicit BatchedLogSink(Tuning tuning);
    // Writes every pending line, then stops the thread.
    ~BatchedLogSink() override;

    BatchedLogSink(const BatchedLogSink&) = delete;
    BatchedLogSink& operator=(const BatchedLogSink&) = delete;

    // Lines dropped because `max_pending` bytes were waiting.
    std::size_t dropped();

protected:
    void sink_it_(const spdlog::details::log_msg& message) override;
    void flush_() override;

private:
    void start();
    void run();
    void write(const std::string& lines);

    Tuning tuning_;
    std::FILE* out_ = stderr;
    bool owns_out_ = false;
    // Guarded by base_sink's mutex_, which spdlog holds around sink_it_ and flush_.
    std::string pending_;
    std::size_t dropped_ = 0;
    std::size_t dropped_reported_ = 0;
    bool urgent_ = false;
    bool stopping_ = false;
    std::condition_variable wake_;
    std::thread thread_;
};

}  // namespace rempart
