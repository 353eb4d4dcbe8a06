// Reads the whole rempart.toml, each module its own sections.
#include "app/settings.hpp"

#include "core/config.hpp"

namespace rempart {

Config read_config(config::File& file) {
    Config config;
    config.server = net::read_server_settings(file);
    config.limits = net::read_limits(file);
    config.storage = store::read_storage_settings(file);
    config.site = render::read_site_settings(file);
    config.mail = mail::read_mail_settings(file);
    config.submissions = read_submission_settings(file);
    config.dns = dns::read_dns_settings(file);
    config.shield = shield::read_shield_settings(file);
    config.front_door = shield::read_front_door_settings(file);
    config.gate = shield::read_gate_settings(file);
    config.admin = accounts::read_admin_settings(file);
    config.metrics = metrics::read_metrics_settings(file);
    config.defence = defence::read_defence_options(file);
    config.log = read_log_settings(file);
    config.retention = read_retention_settings(file);
    config.backup = backup::read_backup_settings(file, config.storage.data_dir, config.retention);
    return config;
}

Result<Config> load_config(const std::filesystem::path& file) {
    return config::load(file, read_config);
}

Result<Config> parse_config(std::string_view toml_text, std::string_view source_name) {
    return config::parse(toml_text, source_name, read_config);
}

}  // namespace rempart
