// The server's own secret (it signs proof-of-work challenges and, later, cookies): made
// once at first start and kept in the data folder, so restarts do not void what it signed.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rempart {

// Reads <data_dir>/secret.key, or creates it (32 random bytes as hex, readable by its owner
// only). A file that is there but not a secret is an error, never silently replaced.
Result<std::string> load_or_create_secret(const std::filesystem::path& data_dir);

// The same for any key file Rempart makes: `file` read, or created when absent.
Result<std::string> load_or_create_key_file(const std::filesystem::path& file);
// A key file that must already be there (restoring needs the very key the backup used).
Result<std::string> read_key_file(const std::filesystem::path& file);
// Writes `hex` as the key file (readable by its owner only), replacing it whole.
Result<void> write_key_file(const std::filesystem::path& file, std::string_view hex);

}  // namespace rempart
