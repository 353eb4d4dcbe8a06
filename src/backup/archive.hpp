// A backup file: the store's copy and the server's secret, compressed (zstd) and sealed with
// the backup key (libsodium's secretstream, XChaCha20-Poly1305, a tag on every part and on
// the last one). Read back whole, or refused with the reason: never half restored.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "backup/keys.hpp"
#include "core/result.hpp"

namespace rempart::backup {

// The file's format, in its first line: a newer one is refused by an older Rempart.
inline constexpr int archive_format = 1;

// What a backup says of itself, sealed with the rest.
struct Manifest {
    int schema = 0;             // the store's schema version (its last migration)
    std::int64_t taken_at = 0;  // Unix seconds: the erasures after it are replayed
    std::uint64_t bytes = 0;    // the store file's size
    std::string secret;         // the server's secret.key, so that links and sessions live on
};

struct ArchiveFacts {
    std::uint64_t size = 0;         // the backup file
    std::uint64_t store_bytes = 0;  // the store it holds
};

// Seals `store_file` with `manifest` into `out`, through "<out>.partial" renamed at the end,
// then reads it back with the key to check it. An `out` already there is never overwritten.
Result<ArchiveFacts> write_archive(const std::filesystem::path& store_file, Manifest manifest,
                                   const Key& seal, const std::filesystem::path& out);

// Opens `in` whole: the store written to `store_out` (made new, readable by its owner only),
// the manifest returned. On any fault `store_out` is removed and the error says which.
Result<Manifest> read_archive(const std::filesystem::path& in, const Key& seal,
                              const std::filesystem::path& store_out);

// The same check without writing the store anywhere.
Result<Manifest> check_archive(const std::filesystem::path& in, const Key& seal);

}  // namespace rempart::backup
