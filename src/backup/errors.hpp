// The errors of backing up and restoring: each says what happened to which file, and that
// nothing was overwritten.
#pragma once

#include <string_view>

namespace rempart::backup {

enum class BackupError {
    not_a_backup,  // the file does not start as a Rempart backup does
    newer,         // made by a newer Rempart: this one cannot read it
    wrong_key,     // the key does not open it (or its very first part is damaged)
    damaged,       // a part fails its check: altered or corrupted after it was made
    truncated,     // it ends before its last part
    io,            // a file could not be read or written (a full disk, a right missing)
    exists,        // the file to write is there already: never overwritten
    not_empty,     // the data folder holds a store, and replacing it was not asked for
};

constexpr std::string_view error_name(BackupError error) {
    switch (error) {
        case BackupError::not_a_backup:
            return "backup.not_a_backup";
        case BackupError::newer:
            return "backup.newer";
        case BackupError::wrong_key:
            return "backup.wrong_key";
        case BackupError::damaged:
            return "backup.damaged";
        case BackupError::truncated:
            return "backup.truncated";
        case BackupError::io:
            return "backup.io";
        case BackupError::exists:
            return "backup.exists";
        case BackupError::not_empty:
            return "backup.not_empty";
    }
    return "backup.unknown";
}

}  // namespace rempart::backup
