// The store as the rest of Rempart sees it: one writer, a pool of readers, one schema.
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "store/errors.hpp"
#include "store/migrations.hpp"

namespace rempart::store {

Result<std::unique_ptr<Store>> open_store(const StorageSettings& config, unsigned reader_threads) {
    std::error_code ec;
    std::filesystem::create_directories(config.data_dir, ec);
    if (ec)
        return make_error(
            StoreError::no_folder,
            "cannot create the data folder " + config.data_dir.string() + ": " + ec.message());
    // Signers' data lives here: nobody but Rempart's own user needs to read it.
    std::filesystem::permissions(config.data_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    const auto file = config.data_dir / "rempart.db";
    auto db = Database::open(file, Database::Mode::read_write);
    if (!db) return db.error();
    auto schema = migrate(**db);
    if (!schema) return schema.error();
    spdlog::info("{} file={} schema={}", log_event::store_opened, log_text(file.string()), *schema);

    std::unique_ptr<Store> store(new Store());
    store->writer_ = std::make_unique<Writer>(std::move(*db), config.group_commit_window, 512,
                                              config.write_queue);
    auto readers = Readers::open(file, reader_threads);
    if (!readers) return readers.error();
    store->readers_ = std::move(*readers);
    auto watcher = Readers::open(file, 1);
    if (!watcher) return watcher.error();
    store->watcher_ = std::move(*watcher);
    return store;
}

boost::asio::awaitable<std::int64_t> Store::watch_version() {
    return watcher_->read<std::int64_t>([](Database& db) { return db.data_version(); });
}

void Store::close() {
    if (writer_) writer_->stop();
    if (readers_) readers_->stop();
    if (watcher_) watcher_->stop();
}

Store::~Store() {
    close();
}

}  // namespace rempart::store
