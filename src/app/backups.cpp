// Taking a backup (snapshot, seal, check) and restoring one (open, check, replay, swap).
#include "app/backups.hpp"

#include <unistd.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/as_tuple.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

#include "backup/errors.hpp"
#include "backup/journal.hpp"
#include "backup/keys.hpp"
#include "backup/snapshot.hpp"
#include "core/clock.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/random.hpp"
#include "core/secret.hpp"
#include "core/thread_priority.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"

namespace rempart::app {
namespace {

namespace asio = boost::asio;
namespace fs = std::filesystem;

constexpr std::string_view store_name = "rempart.db";
constexpr std::string_view prefix = "rempart-";
constexpr std::string_view suffix = ".backup";

std::string utc_stamp(std::int64_t at) {
    return utc_text(at, "%Y%m%dT%H%M%SZ");
}

// Moves a store file and its WAL companions to `to` (and to-wal, to-shm).
void move_store(const fs::path& from, const fs::path& to, std::error_code& ec) {
    for (const std::string_view companion : {"", "-wal", "-shm"}) {
        auto source = from;
        source += std::string(companion);
        if (!fs::exists(source, ec)) continue;
        auto target = to;
        target += std::string(companion);
        fs::rename(source, target, ec);
        if (ec) return;
    }
}

// The restored store in its own folder, the erasures and [retention] applied, closed.
Result<Restored> prepare_restored(const Config& config, const fs::path& from,
                                  const backup::BackupKeys& keys,
                                  const backup::JournalRead& journal, const fs::path& work,
                                  std::int64_t now) {
    Restored restored;
    auto manifest = backup::read_archive(from, keys.seal, work / store_name);
    if (!manifest) return manifest.error();
    restored.manifest = *manifest;
    const auto newest = store::embedded_migrations().back().number;
    if (manifest->schema > newest)
        return make_error(backup::BackupError::newer,
                          from.string() + " holds a store of schema " +
                              std::to_string(manifest->schema) + "; this Rempart knows up to " +
                              std::to_string(newest) + ": restore it with a newer Rempart");
    if (auto checked = backup::check_store_file(work / store_name, backup::StoreCheck::whole); !checked)
        return checked.error();
    auto storage = config.storage;
    storage.data_dir = work;
    auto store = store::open_store(storage, 1);
    if (!store) return store.error();
    auto replayed = (*store)->writer().write_now<backup::Replayed>(
        [&](store::Database& db) {
            return backup::replay_erasures(db, journal, keys.journal, manifest->taken_at);
        });
    if (!replayed) return replayed.error();
    restored.replayed = *replayed;
    auto tally = apply_retention_now(**store, config.retention, now);
    if (!tally) return tally.error();
    restored.retention = *tally;
    (*store)->close();
    return restored;
}

}  // namespace

Result<BackupTaken> take_backup(const Config& config, const fs::path& out, std::int64_t now) {
    const auto keys = backup::open_backup_keys(config.backup.key_file,
                                               backup::KeyUse::make_if_absent);
    if (!keys) return keys.error();
    const auto& data_dir = config.storage.data_dir;
    // The plain copy stays in the data folder, beside what it copies, and only for as long
    // as sealing it takes.
    const auto copy = data_dir / ("backup-" + random_token(8) + ".db");
    std::error_code ec;
    const auto schema = backup::snapshot_store(data_dir, copy);
    if (!schema) {
        fs::remove(copy, ec);
        return schema.error();
    }
    auto secret = read_key_file(data_dir / "secret.key");
    backup::Manifest manifest{*schema, now, 0, secret ? *secret : std::string()};
    auto facts = backup::write_archive(copy, std::move(manifest), keys->seal, out);
    fs::remove(copy, ec);
    if (!facts) return facts.error();
    return BackupTaken{out, *facts, *schema};
}

Result<Restored> restore_backup(const Config& config, const fs::path& from, bool replace,
                                std::int64_t now) {
    const auto& data_dir = config.storage.data_dir;
    const auto store_file = data_dir / store_name;
    std::error_code ec;
    if (fs::exists(store_file, ec) && !replace)
        return make_error(backup::BackupError::not_empty,
                          data_dir.string() +
                              " holds a store already (rempart.db): restore into an empty data "
                              "folder, or add --replace to set the present store aside");
    const auto keys = backup::open_backup_keys(config.backup.key_file, backup::KeyUse::must_exist);
    if (!keys) return keys.error();
    const auto journal = backup::read_journal(config.backup.dir);
    if (!journal) return journal.error();

    const auto work = data_dir / ".restoring";
    fs::remove_all(work, ec);
    fs::create_directories(work, ec);
    if (ec)
        return make_error(backup::BackupError::io,
                          "cannot create " + work.string() + ": " + ec.message());
    auto restored = prepare_restored(config, from, *keys, *journal, work, now);
    const auto cleanup = [&] { fs::remove_all(work, ec); };
    if (!restored) {
        cleanup();
        return restored.error();
    }
    const auto stamp = utc_stamp(now);
    if (fs::exists(store_file, ec)) {
        restored->set_aside = data_dir / (std::string(store_name) + ".before-restore-" + stamp);
        move_store(store_file, restored->set_aside, ec);
        if (ec) {
            cleanup();
            return make_error(backup::BackupError::io, "cannot set the present store aside: " +
                                                           ec.message() + "; nothing was restored");
        }
    }
    move_store(work / store_name, store_file, ec);
    if (ec) {
        cleanup();
        return make_error(backup::BackupError::io,
                          "cannot move the restored store into place: " + ec.message());
    }
    // The server's secret as it was: the links mailed before the backup still open.
    const auto secret_file = data_dir / "secret.key";
    if (!restored->manifest.secret.empty()) {
        if (fs::exists(secret_file, ec))
            fs::rename(secret_file, data_dir / ("secret.key.before-restore-" + stamp), ec);
        if (auto written = write_key_file(secret_file, restored->manifest.secret); !written) {
            cleanup();
            return written.error();
        }
    }
    cleanup();
    return restored;
}

std::string backup_file_name(std::int64_t at) {
    return std::string(prefix) + utc_stamp(at) + std::string(suffix);
}

std::vector<fs::path> backups_beyond(const std::vector<fs::path>& files, std::int64_t keep) {
    std::vector<fs::path> own;
    for (const auto& file : files) {
        const auto name = file.filename().string();
        if (name.size() == backup_file_name(0).size() && name.starts_with(prefix) &&
            name.ends_with(suffix))
            own.push_back(file);
    }
    std::sort(own.begin(), own.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() > b.filename(); });
    if (static_cast<std::int64_t>(own.size()) <= keep) return {};
    return {own.begin() + keep, own.end()};
}

asio::awaitable<void> run_backups(Config config) {
    const auto every = std::chrono::hours(config.backup.every_h);
    auto executor = co_await asio::this_coro::executor;
    asio::steady_timer timer(executor);
    // A fresh site waits an hour for its first backup; a restarted one keeps its rhythm.
    std::chrono::seconds wait = std::chrono::hours(1);
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(config.backup.dir, ec))
        files.push_back(entry.path());
    if (const auto newest = backups_beyond(files, 0); !newest.empty()) {
        const auto age = fs::file_time_type::clock::now() - fs::last_write_time(newest[0], ec);
        if (!ec)
            wait = std::max(std::chrono::seconds(0),
                            std::chrono::duration_cast<std::chrono::seconds>(every - age));
    }
    for (;;) {
        timer.expires_after(wait);
        auto [waited] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        if (waited) co_return;
        wait = every;
        fs::create_directories(config.backup.dir, ec);
        const auto now = unix_now();
        const auto out = config.backup.dir / backup_file_name(now);
        // Sealing a large store takes seconds of CPU: its own thread, below signing.
        auto job = std::async(std::launch::async, [&config, out, now] {
            lower_this_thread_priority(10);
            const auto started = std::chrono::steady_clock::now();
            auto taken = take_backup(config, out, now);
            return std::make_pair(std::move(taken), std::chrono::steady_clock::now() - started);
        });
        while (job.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            timer.expires_after(std::chrono::milliseconds(200));
            co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        const auto [taken, took] = job.get();
        if (!taken) {
            spdlog::error("{} what=backup error={}", log_event::backup_failed,
                          log_text(taken.error().detail));
            continue;
        }
        files.clear();
        for (const auto& entry : fs::directory_iterator(config.backup.dir, ec))
            files.push_back(entry.path());
        for (const auto& old : backups_beyond(files, config.backup.keep)) fs::remove(old, ec);
        spdlog::info("{} file={} bytes={} store_bytes={} ms={}", log_event::backup_taken,
                     log_text(out.string()), taken->facts.size, taken->facts.store_bytes,
                     std::chrono::duration_cast<std::chrono::milliseconds>(took).count());
    }
}

}  // namespace rempart::app
