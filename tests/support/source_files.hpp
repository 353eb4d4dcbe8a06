// Files of the source tree counted on disk, apart from the build: what a test should find embedded.
#pragma once

#include <cstddef>
#include <string>

namespace rempart::testing {

// The regular files below the source tree's `folder` (subfolders included) whose names end
// with `suffix`; 0 when the folder is missing.
std::size_t count_source_files(const std::string& folder, const std::string& suffix);

}  // namespace rempart::testing
