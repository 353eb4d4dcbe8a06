// A consistent copy of a running store, and the checks a restored copy must pass before it
// takes the store's place.
#pragma once

#include <filesystem>

#include "core/result.hpp"

namespace rempart::backup {

// Copies <data_dir>/rempart.db into `copy` as one read transaction (SQLite's VACUUM INTO):
// the server keeps signing meanwhile, and the copy holds every write committed before it
// began. The schema version of the copy is returned.
Result<int> snapshot_store(const std::filesystem::path& data_dir,
                           const std::filesystem::path& copy);

// SQLite's check of a store file, and its schema version. A copy just made gets the quick
// check (every page and row, not every index against its table: 2.5 times faster on a
// million signatures); a store about to be restored gets the whole integrity check.
enum class StoreCheck { quick, whole };
Result<int> check_store_file(const std::filesystem::path& file, StoreCheck check);

}  // namespace rempart::backup
