// Read-only connections on a small pool of threads, so that io threads never wait on SQLite.
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

class Readers {
  public:
    // Opens one read-only connection per thread.
    static Result<std::unique_ptr<Readers>> open(const std::filesystem::path& file,
                                                 unsigned threads);
    ~Readers();

    // Runs `read` on a pool thread with that thread's connection; resumes on the caller's
    // executor with the value.
    template <class T>
    boost::asio::awaitable<T> read(std::function<T(Database&)> read);
    // The same, blocking: for the command line and start-up.
    template <class T>
    T read_now(std::function<T(Database&)> read);

    // Reads queued and not yet started: how far the store lags behind the requests, which
    // the load shedder reads without taking the queue's lock.
    std::size_t waiting() const { return waiting_.load(std::memory_order_relaxed); }

    void stop();

  private:
    using Job = std::function<void(Database&)>;
    Readers() = default;
    void post(Job job);
    void run(Database& db);

    std::vector<std::unique_ptr<Database>> connections_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    std::atomic<std::size_t> waiting_{0};
    bool stopping_ = false;
};

template <class T>
boost::asio::awaitable<T> Readers::read(std::function<T(Database&)> read) {
    namespace asio = boost::asio;
    auto initiation = [this](auto handler, std::function<T(Database&)> read) {
        auto executor = asio::get_associated_executor(handler);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        post([executor, shared, read = std::move(read)](Database& db) mutable {
            asio::post(executor, [shared = std::move(shared), value = read(db)]() mutable {
                (*shared)(std::move(value));
            });
        });
    };
    // Built apart from the co_await: GCC 12 mishandles temporaries captured in it.
    auto pending = asio::async_initiate<decltype(asio::use_awaitable), void(T)>(
        std::move(initiation), asio::use_awaitable, std::move(read));
    co_return co_await std::move(pending);
}

template <class T>
T Readers::read_now(std::function<T(Database&)> read) {
    std::promise<T> promise;
    auto future = promise.get_future();
    post([&](Database& db) { promise.set_value(read(db)); });
    return future.get();
}

}  // namespace rempart::store
