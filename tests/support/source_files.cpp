// Files of the source tree counted on disk, apart from the build: what a test should find embedded.
#include "support/source_files.hpp"

#include <filesystem>

namespace rempart::testing {

std::size_t count_source_files(const std::string& folder, const std::string& suffix) {
    const std::filesystem::path root = std::filesystem::path(REMPART_SOURCE_DIR) / folder;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) return 0;
    std::size_t n = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().filename().string().ends_with(suffix)) ++n;
    return n;
}

}  // namespace rempart::testing
