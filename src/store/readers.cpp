// Read-only connections on a small pool of threads, so that io threads never wait on SQLite.
#include "store/readers.hpp"
#include "core/thread_name.hpp"

namespace rempart::store {

Result<std::unique_ptr<Readers>> Readers::open(const std::filesystem::path& file,
                                               unsigned threads) {
    std::unique_ptr<Readers> readers(new Readers());
    for (unsigned i = 0; i < std::max(1u, threads); ++i) {
        auto db = Database::open(file, Database::Mode::read_only);
        if (!db) return db.error();
        readers->connections_.push_back(std::move(*db));
    }
    for (auto& connection : readers->connections_)
        readers->threads_.emplace_back([r = readers.get(), db = connection.get()] {
            name_this_thread("rempart-reader");
            r->run(*db);
        });
    return readers;
}

Readers::~Readers() {
    stop();
}

void Readers::post(Job job) {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
    waiting_.store(queue_.size(), std::memory_order_relaxed);
    wake_.notify_one();
}

void Readers::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_.notify_all();
    }
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
}

void Readers::run(Database& db) {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            job = std::move(queue_.front());
            queue_.pop_front();
            waiting_.store(queue_.size(), std::memory_order_relaxed);
        }
        job(db);
    }
}

}  // namespace rempart::store
