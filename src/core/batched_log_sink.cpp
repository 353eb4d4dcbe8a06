// A log sink that writes its lines in batches from its own thread.
#include "core/batched_log_sink.hpp"

#include <spdlog/common.h>
#include <spdlog/fmt/fmt.h>

#include <cerrno>
#include <cstring>

#include "core/log_events.hpp"
#include "core/thread_name.hpp"

namespace rempart {

BatchedLogSink::BatchedLogSink(const std::filesystem::path& file, Tuning tuning)
    : tuning_(tuning) {
    std::error_code ignored;  // fopen says what went wrong
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ignored);
    out_ = std::fopen(file.c_str(), "abe");  // e: close-on-exec, as spdlog's own sinks
    if (!out_) spdlog::throw_spdlog_ex("cannot open the log file " + file.string(), errno);
    owns_out_ = true;
    start();
}

BatchedLogSink::BatchedLogSink(Tuning tuning) : tuning_(tuning) {
    start();
}

BatchedLogSink::~BatchedLogSink() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    if (owns_out_) std::fclose(out_);
}

std::size_t BatchedLogSink::dropped() {
    std::lock_guard lock(mutex_);
    return dropped_;
}

void BatchedLogSink::start() {
    pending_.reserve(64 * 1024);
    thread_ = std::thread([this] {
        name_this_thread("rempart-log");
        run();
    });
}

void BatchedLogSink::sink_it_(const spdlog::details::log_msg& message) {
    if (pending_.size() >= tuning_.max_pending) {
        ++dropped_;
        return;
    }
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
    const bool first = pending_.empty();
    pending_.append(line.data(), line.size());
    if (first) wake_.notify_one();
}

void BatchedLogSink::flush_() {
    urgent_ = true;
    wake_.notify_one();
}

void BatchedLogSink::run() {
    std::string batch;
    batch.reserve(64 * 1024);
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || urgent_ || !pending_.empty(); });
        // Let the batch gather: under load one write a window instead of one a line.
        if (!stopping_ && !urgent_)
            wake_.wait_for(lock, tuning_.batch_window, [this] { return stopping_ || urgent_; });
        batch.swap(pending_);
        if (dropped_ > dropped_reported_) {
            const auto text = fmt::format("{} count={}", log_event::log_lines_dropped,
                                          dropped_ - dropped_reported_);
            const spdlog::details::log_msg note(spdlog::source_loc{}, "rempart",
                                                spdlog::level::warn, text);
            spdlog::memory_buf_t line;
            formatter_->format(note, line);
            batch.append(line.data(), line.size());
            dropped_reported_ = dropped_;
        }
        urgent_ = false;
        const bool last = stopping_;
        lock.unlock();
        write(batch);
        batch.clear();
        lock.lock();
        if (last && pending_.empty()) return;
    }
}

void BatchedLogSink::write(const std::string& lines) {
    if (lines.empty()) return;
    const bool written = std::fwrite(lines.data(), 1, lines.size(), out_) == lines.size() &&
                         std::fflush(out_) == 0;
    // A full disk: say so where an operator looks, and keep serving.
    if (!written && out_ != stderr)
        std::fprintf(stderr, "rempart: cannot write the log: %s\n", std::strerror(errno));
}

}  // namespace rempart
