// The store as the rest of Rempart sees it: one writer, a pool of readers, one schema.
#pragma once

#include <memory>

#include "core/result.hpp"
#include "store/readers.hpp"
#include "store/settings.hpp"
#include "store/writer.hpp"

namespace rempart::store {

class Store {
  public:
    Writer& writer() { return *writer_; }
    Readers& readers() { return *readers_; }
    // SQLite's data_version on a connection kept for this alone: it moves when anyone,
    // this process or another, commits.
    boost::asio::awaitable<std::int64_t> watch_version();
    // Finishes queued writes, then closes every connection.
    void close();
    ~Store();

  private:
    friend Result<std::unique_ptr<Store>> open_store(const StorageSettings&, unsigned);
    Store() = default;
    std::unique_ptr<Writer> writer_;
    std::unique_ptr<Readers> readers_;
    std::unique_ptr<Readers> watcher_;
};

// Opens <data_dir>/rempart.db (creating the folder, private to its owner), applies the
// migrations, and starts the writer and `reader_threads` readers.
Result<std::unique_ptr<Store>> open_store(const StorageSettings& config, unsigned reader_threads);

}  // namespace rempart::store
