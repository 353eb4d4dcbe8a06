// Reads [log].
#include "core/log_settings.hpp"

#include "core/config.hpp"

namespace rempart {

LogSettings read_log_settings(config::File& file) {
    LogSettings settings;
    auto log = file.section("log");
    log.choice("level", {"trace", "debug", "info", "warn", "error"}, settings.level);
    log.path("file", settings.file);
    return settings;
}

}  // namespace rempart
