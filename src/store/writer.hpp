// The one writer thread: owns the only write connection and commits writes in groups.
#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "store/database.hpp"

namespace rempart::store {

// Whether a write may be turned away when the queue is full. Requests from the public are
// (a flood must not grow the queue without end: they get StoreError::busy and the client a 503);
// the server's own writes (incidents, summaries, the back office) always queue.
enum class Admission { always, when_room };

class Writer {
  public:
    using Job = std::function<Result<void>(Database&)>;
    using Done = std::function<void(Result<void>)>;

    // `max_queue`: jobs waiting past which `Admission::when_room` writes are refused.
    Writer(std::unique_ptr<Database> db, std::chrono::milliseconds group_window,
           std::size_t max_group = 512, std::size_t max_queue = 20000);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Runs `job` in the next group transaction, in a savepoint of its own: a job that
    // fails (or throws) rolls back alone. `done` runs on the writer thread after COMMIT
    // returned, so a caller answers its client only once the write is durable.
    // A refused job runs `done` at once with StoreError::busy (or StoreError::stopping).
    void submit(Job job, Done done, Admission admission = Admission::always);

    // The same, for coroutines: resumes on the caller's executor after the commit.
    template <class T>
    boost::asio::awaitable<Result<T>> write(std::function<Result<T>(Database&)> job,
                                            Admission admission = Admission::always);
    // The same, blocking: for the command line and start-up.
    template <class T>
    Result<T> write_now(std::function<Result<T>(Database&)> job);

    // Stops taking jobs, finishes those queued, and joins the thread.
    void stop();
    std::uint64_t groups_committed() const { return groups_committed_.load(); }
    std::uint64_t jobs_committed() const { return jobs_committed_.load(); }
    std::uint64_t refused_busy() const { return refused_busy_.load(); }
    std::size_t queued() const;

  private:
    struct Pending {
        Job job;
        Done done;
    };
    void run();
    void commit_group(std::vector<Pending>& group);
    // Completes `token` with the job's status once committed, on the token's executor.
    template <class Token>
    auto async_submit(Job job, Admission admission, Token&& token);

    std::unique_ptr<Database> db_;
    std::chrono::milliseconds group_window_;
    std::size_t max_group_;
    std::size_t max_queue_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::atomic<std::uint64_t> groups_committed_{0};
    std::atomic<std::uint64_t> jobs_committed_{0};
    std::atomic<std::uint64_t> refused_busy_{0};
    std::thread thread_;
};

namespace detail {

// Wraps a typed job so its value survives the type-erased queue.
template <class T>
Writer::Job keep_result(std::function<Result<T>(Database&)> job,
                        std::shared_ptr<std::optional<Result<T>>> slot) {
    return [job = std::move(job), slot](Database& db) -> Result<void> {
        *slot = job(db);
        if (!(*slot)->ok()) return (*slot)->error();
        return {};
    };
}

template <class T>
Result<T> take_result(Result<void> status, std::optional<Result<T>>& slot) {
    if (!status) return status.error();  // the job's own error, or the commit's
    return std::move(*slot);
}

}  // namespace detail

template <class Token>
auto Writer::async_submit(Job job, Admission admission, Token&& token) {
    namespace asio = boost::asio;
    return asio::async_initiate<Token, void(Result<void>)>(
        [this, admission](auto handler, Job job) {
            auto executor = asio::get_associated_executor(handler);
            // Asio's handlers are move-only, std::function wants copies: share it, and let
            // the last copy travel to the caller's executor so that this thread keeps none.
            auto shared = std::make_shared<decltype(handler)>(std::move(handler));
            submit(
                std::move(job),
                [executor, shared](Result<void> status) mutable {
                    asio::post(executor,
                               [shared = std::move(shared), status = std::move(status)]() mutable {
                                   (*shared)(std::move(status));
                               });
                },
                admission);
        },
        token, std::move(job));
}

template <class T>
boost::asio::awaitable<Result<T>> Writer::write(std::function<Result<T>(Database&)> job,
                                                Admission admission) {
    auto slot = std::make_shared<std::optional<Result<T>>>();
    // Built apart from the co_await: GCC 12 mishandles temporaries captured in it.
    Job wrapped = detail::keep_result<T>(std::move(job), slot);
    auto status = co_await async_submit(std::move(wrapped), admission, boost::asio::use_awaitable);
    co_return detail::take_result<T>(std::move(status), *slot);
}

template <class T>
Result<T> Writer::write_now(std::function<Result<T>(Database&)> job) {
    auto slot = std::make_shared<std::optional<Result<T>>>();
    std::promise<Result<void>> promise;
    auto future = promise.get_future();
    submit(detail::keep_result<T>(std::move(job), slot),
           [&promise](Result<void> status) { promise.set_value(std::move(status)); });
    return detail::take_result<T>(future.get(), *slot);
}

}  // namespace rempart::store
