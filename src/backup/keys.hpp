// The backup key file and the two keys drawn from it: one seals the backups, the other makes
// the erasure journal's keyed hashes.
#pragma once

#include <array>
#include <filesystem>

#include "core/result.hpp"

namespace rempart::backup {

using Key = std::array<unsigned char, 32>;

struct BackupKeys {
    Key seal;     // libsodium secretstream (XChaCha20-Poly1305)
    Key journal;  // BLAKE2b keyed hashes of the mailboxes erased
};

// Taking a backup or journaling an erasure makes the key file when absent (mode 0600);
// restoring needs the very key the backup used, so it never makes one.
enum class KeyUse { make_if_absent, must_exist };
Result<BackupKeys> open_backup_keys(const std::filesystem::path& key_file, KeyUse use);

}  // namespace rempart::backup
