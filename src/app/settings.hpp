// The whole rempart.toml: every module's settings, each section read by its own module.
#pragma once

#include <filesystem>
#include <string_view>

#include "accounts/settings.hpp"
#include "backup/settings.hpp"
#include "core/log_settings.hpp"
#include "core/result.hpp"
#include "defence/response/settings.hpp"
#include "dns/settings.hpp"
#include "mail/settings.hpp"
#include "metrics/settings.hpp"
#include "net/settings.hpp"
#include "petitions/submission_settings.hpp"
#include "render/settings.hpp"
#include "shield/settings.hpp"
#include "signatures/retention.hpp"
#include "store/settings.hpp"

namespace rempart {

namespace config {
class File;
}

struct Config {
    net::ServerSettings server;
    net::Limits limits;
    store::StorageSettings storage;
    render::SiteSettings site;
    mail::MailSettings mail;
    SubmissionSettings submissions;  // [submissions]: proposals from the public, moderation
    dns::DnsSettings dns;
    shield::ShieldSettings shield;
    accounts::AdminSettings admin;
    shield::FrontDoorSettings front_door;  // [traffic], [gate] and [shedding]
    shield::GateSettings gate;             // [gate]'s page and clearance
    metrics::MetricsSettings metrics;
    defence::DefenceOptions defence;  // [detect]: the detector and what acting does
    LogSettings log;
    RetentionSettings retention;  // [retention]: how long what is held about people is kept
    backup::BackupSettings backup;  // [backup]: backups, their key and their erasure journal
};

// Every module reads its sections, in the order their checks across keys are reported.
Config read_config(config::File& file);

// Reads a TOML file. Every key is optional; an unknown key, a wrong type or a bad value
// is an error naming the key and its line, e.g. "config.toml:4:1: [server] listen: ...".
Result<Config> load_config(const std::filesystem::path& file);
Result<Config> parse_config(std::string_view toml_text, std::string_view source_name);

}  // namespace rempart
