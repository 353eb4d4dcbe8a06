// The configuration every subcommand starts from: the file given by --config, or none.
#include "cli/commands.hpp"

namespace rempart::cli {

Result<Config> load_config_or_defaults(const std::string& file) {
    if (file.empty()) return Config{};
    return load_config(file);
}

}  // namespace rempart::cli
