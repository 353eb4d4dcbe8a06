// [backup]: where the backups and their erasure journal go, the key that seals them, and how
// often the server takes one by itself.
#pragma once

#include <cstdint>
#include <filesystem>

#include "signatures/retention.hpp"

namespace rempart::config {
class File;
}

namespace rempart::backup {

struct BackupSettings {
    // The backups and the erasure journal: outside the data folder, so that losing the data
    // folder loses neither. Left out: "backups" beside the data folder.
    std::filesystem::path dir;
    // The key that seals every backup (made, readable by its owner only, at first use). Left
    // out: "backup.key" beside the data folder. Keep a copy apart from the backups.
    std::filesystem::path key_file;
    // The server takes a backup into `dir` this often; 0 leaves it to `rempart backup`.
    std::int64_t every_h = 24;
    // How many of the server's own backups stay; older ones are deleted. Left out, fewer when
    // [retention]'s shortest period is under a week.
    std::int64_t keep = 7;
};

// Reads [backup]; `data_dir` places what the file leaves out. The rotation (every_h times
// keep) may not hold people's data longer than [retention] promises it is kept.
BackupSettings read_backup_settings(config::File& file, const std::filesystem::path& data_dir,
                                    const RetentionSettings& retention);

}  // namespace rempart::backup
