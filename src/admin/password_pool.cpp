// A few threads for argon2id, with a bounded queue.
#include "admin/password_pool.hpp"
#include "core/thread_name.hpp"

#include <algorithm>

namespace rempart::admin {

PasswordPool::PasswordPool(unsigned threads, std::size_t max_queued)
    : max_queued_(std::max<std::size_t>(1, max_queued)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i)
        threads_.emplace_back([this] {
            name_this_thread("rempart-passwd");
            loop();
        });
}

PasswordPool::~PasswordPool() {
    stop();
}

bool PasswordPool::try_post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ || queue_.size() >= max_queued_) return false;
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    return true;
}

void PasswordPool::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopping_ && threads_.empty()) return;
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
    threads_.clear();
}

void PasswordPool::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            // Queued jobs still run when stopping: each has a coroutine waiting on it.
            if (queue_.empty()) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        job();
    }
}

}  // namespace rempart::admin
