// [log]: how much the server logs, and where.
#pragma once

#include <filesystem>
#include <string>

namespace rempart {

namespace config {
class File;
}

struct LogSettings {
    std::string level = "info";  // trace, debug, info, warn, error
    std::filesystem::path file;  // empty: standard error
};

LogSettings read_log_settings(config::File& file);

}  // namespace rempart
