// What each subcommand of the command line does, but `serve` (app/serve.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "app/settings.hpp"

namespace rempart::cli {

// No file: the built-in defaults (data in ./data, port 8080).
Result<Config> load_config_or_defaults(const std::string& file);

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

struct EvidenceOptions {
    std::string incident;  // checked here, so a bad id gets our message
    std::filesystem::path out_dir = ".";
};
// Writes incident-ID.json and incident-ID.csv into out_dir, whole or not at all, prints
// each path with its size and SHA-256, and records each export (by "cli").
int export_evidence(const Config& config, const EvidenceOptions& options, std::ostream& out);
// The exports recorded for an incident, oldest first.
int list_evidence(const Config& config, const EvidenceOptions& options, std::ostream& out);
struct AddUserOptions {
    std::string email;
    std::string role;  // checked here, so a bad role gets our message
};
// Each prints what a person needs next (the one-time password, the TOTP secret) and
// writes an audit entry by "cli". Errors go to stderr with exit code 1.
int add_user(const Config& config, const AddUserOptions& options);
int list_users(const Config& config, std::ostream& out);
// A new one-time password, and every session of the account ended.
int reset_password(const Config& config, const std::string& email);
int enable_totp(const Config& config, const std::string& email);

// Applies [retention] now, or at `now` (Unix seconds) when given: scripts, and the tests
// that check each rule at its time. The server does the same by itself every pass_every_min.
int apply_retention(const Config& config, std::optional<std::int64_t> now, std::ostream& out);

// `rempart backup --out FILE`: prints the file, its size and the store's, and how to keep the
// key. `rempart restore --from FILE [--replace]`: prints what the restore applied again.
int take_backup(const Config& config, const std::filesystem::path& out, std::ostream& report);
int restore_backup(const Config& config, const std::filesystem::path& from, bool replace,
                   std::ostream& report);

}  // namespace rempart::cli
