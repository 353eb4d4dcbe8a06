// A few threads for argon2id, away from the io threads, with a queue that refuses past a bound.
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rempart::admin {

// Argon2id takes about 170 ms and 64 MiB a hash: on an io thread it would stall every
// connection of that thread, and unbounded it would let a flood of logins eat the memory.
class PasswordPool {
  public:
    PasswordPool(unsigned threads, std::size_t max_queued);
    ~PasswordPool();
    PasswordPool(const PasswordPool&) = delete;
    PasswordPool& operator=(const PasswordPool&) = delete;

    // Runs `work` on a pool thread and resumes on the caller's executor with its value;
    // none at once when `max_queued` jobs already wait (the caller answers 503).
    template <class T>
    boost::asio::awaitable<std::optional<T>> run(std::function<T()> work);

    // False when the queue is full or the pool stopped.
    bool try_post(std::function<void()> job);
    // Runs what is queued, then joins the threads.
    void stop();

  private:
    void loop();

    std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

template <class T>
boost::asio::awaitable<std::optional<T>> PasswordPool::run(std::function<T()> work) {
    namespace asio = boost::asio;
    auto initiation = [this](auto handler, std::function<T()> work) {
        auto executor = asio::get_associated_executor(handler);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        const bool queued = try_post([executor, shared, work = std::move(work)]() mutable {
            asio::post(executor, [shared, value = work()]() mutable {
                (*shared)(std::optional<T>(std::move(value)));
            });
        });
        if (!queued) asio::post(executor, [shared]() mutable { (*shared)(std::optional<T>()); });
    };
    // Built apart from the co_await: GCC 12 mishandles temporaries captured in it.
    auto pending = asio::async_initiate<decltype(asio::use_awaitable), void(std::optional<T>)>(
        std::move(initiation), asio::use_awaitable, std::move(work));
    co_return co_await std::move(pending);
}

}  // namespace rempart::admin
