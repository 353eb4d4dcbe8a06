// Backups as the operator sees them: `rempart backup` and `rempart restore`, and the server's
// own backups into [backup] dir on a schedule, the oldest beyond `keep` deleted.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/retention.hpp"
#include "app/settings.hpp"
#include "backup/archive.hpp"
#include "backup/replay.hpp"

namespace rempart::app {

struct BackupTaken {
    std::filesystem::path file;
    backup::ArchiveFacts facts;
    int schema = 0;
};
// A consistent copy of the store (signing goes on), sealed into `out` and read back.
Result<BackupTaken> take_backup(const Config& config, const std::filesystem::path& out,
                                std::int64_t now);

struct Restored {
    backup::Manifest manifest;
    backup::Replayed replayed;
    RetentionTally retention;
    std::filesystem::path set_aside;  // the store that was there, when replacing one
};
// Restores `from` into the config's data folder: refused when a store is there unless
// `replace`; the erasures journaled since the backup and [retention] at `now` are applied
// before the restored store takes its place, so nothing erased comes back even for a moment.
Result<Restored> restore_backup(const Config& config, const std::filesystem::path& from,
                                bool replace, std::int64_t now);

// "rempart-20261207T080000Z.backup": the server's own backups, sorted by name as by time.
std::string backup_file_name(std::int64_t at);
// Of the server's backups in a folder (other files ignored), those beyond the newest `keep`.
std::vector<std::filesystem::path> backups_beyond(const std::vector<std::filesystem::path>& files,
                                                  std::int64_t keep);

// Takes a backup when the newest in [backup] dir is `every_h` old (at once when there is
// none), then every `every_h`; logs BACKUP_TAKEN or BACKUP_FAILED.
boost::asio::awaitable<void> run_backups(Config config);

}  // namespace rempart::app
