// What each subcommand of the command line does.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "core/config.hpp"

namespace rempart::app {

// No file: the built-in defaults (data in ./data, port 8080).
Result<Config> load_config_or_defaults(const std::string& file);

// Runs the server until SIGTERM or SIGINT; returns the process's exit code.
int serve(const Config& config, bool demo);

struct CreatePetitionOptions {
    std::string slug;
    std::string title;
    std::filesystem::path text_file;
    std::string summary;
    std::optional<std::string> goal;  // checked here, so a bad number gets our message
    bool postcode_required = false;
};
int create_petition(const Config& config, const CreatePetitionOptions& options);
int list_petitions(const Config& config, std::ostream& out);

}  // namespace rempart::app
