// Reads rempart.toml: every key optional, anything unknown or wrong refused with its line.
#include "core/config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "core/config_values.hpp"

namespace rempart {
namespace {

using namespace config_values;

struct Key {
    std::string_view section;
    std::string_view name;
    std::function<Result<void>(const toml::node&, Config&, const Where&)> apply;
};

// One row a key: the whole schema in one place.
const std::vector<Key>& schema() {
    static const std::vector<Key> keys = {
        {"server", "listen", [](auto& n, Config& c, auto& w) { return read_listen(n, w, c.server.listen); }},
        {"server", "base_url", [](auto& n, Config& c, auto& w) { return read_base_url(n, w, c.server.base_url); }},
        {"server", "trusted_proxies", [](auto& n, Config& c, auto& w) { return read_cidr_list(n, w, c.server.trusted_proxies); }},
        {"server", "threads", [](auto& n, Config& c, auto& w) { return read_uint(n, w, 0, 256, c.server.threads); }},
        {"server", "shutdown_grace_s", [](auto& n, Config& c, auto& w) { return read_seconds(n, w, 0, 600, c.server.shutdown_grace); }},
        {"limits", "header_bytes", [](auto& n, Config& c, auto& w) { return read_size(n, w, 512, 1 << 20, c.limits.header_bytes); }},
        {"limits", "body_bytes", [](auto& n, Config& c, auto& w) { return read_size(n, w, 1, 64 << 20, c.limits.body_bytes); }},
        {"limits", "header_timeout_s", [](auto& n, Config& c, auto& w) { return read_seconds(n, w, 1, 3600, c.limits.header_timeout); }},
        {"limits", "body_timeout_s", [](auto& n, Config& c, auto& w) { return read_seconds(n, w, 1, 3600, c.limits.body_timeout); }},
        {"limits", "idle_timeout_s", [](auto& n, Config& c, auto& w) { return read_seconds(n, w, 1, 3600, c.limits.idle_timeout); }},
        {"limits", "write_timeout_s", [](auto& n, Config& c, auto& w) { return read_seconds(n, w, 1, 3600, c.limits.write_timeout); }},
        {"limits", "max_connections", [](auto& n, Config& c, auto& w) { return read_size(n, w, 1, 1'000'000, c.limits.max_connections); }},
        {"limits", "max_connections_per_ip", [](auto& n, Config& c, auto& w) { return read_size(n, w, 1, 1'000'000, c.limits.max_connections_per_ip); }},
        {"limits", "max_requests_per_connection", [](auto& n, Config& c, auto& w) { return read_size(n, w, 1, 100'000'000, c.limits.max_requests_per_connection); }},
        {"storage", "data_dir", [](auto& n, Config& c, auto& w) { return read_path(n, w, c.storage.data_dir); }},
        {"storage", "group_commit_ms", [](auto& n, Config& c, auto& w) { return read_millis(n, w, 0, 1000, c.storage.group_commit_window); }},
        {"site", "name", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.name); }},
        {"site", "default_language", [](auto& n, Config& c, auto& w) { return read_choice(n, w, {"fr", "en"}, c.site.default_language); }},
        {"site", "controller", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.controller); }},
        {"site", "contact_email", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.contact_email); }},
        {"site", "postal_address", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.postal_address); }},
        {"site", "hosting_provider", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.hosting_provider); }},
        {"site", "terms_version", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.terms_version); }},
        {"site", "privacy_version", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.site.privacy_version); }},
        {"mail", "transport", [](auto& n, Config& c, auto& w) { return read_choice(n, w, {"maildir", "smtp"}, c.mail.transport); }},
        {"mail", "maildir", [](auto& n, Config& c, auto& w) { return read_path(n, w, c.mail.maildir); }},
        {"mail", "smtp_url", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.mail.smtp_url); }},
        {"mail", "from", [](auto& n, Config& c, auto& w) { return read_text(n, w, c.mail.from); }},
        {"mail", "admin_alerts_to", [](auto& n, Config& c, auto& w) { return read_text_list(n, w, c.mail.admin_alerts_to); }},
        {"dns", "servers", [](auto& n, Config& c, auto& w) { return read_host_port_list(n, w, c.dns.servers); }},
        {"dns", "check_mx", [](auto& n, Config& c, auto& w) { return read_bool(n, w, c.dns.check_mx); }},
        {"shield", "asn_table", [](auto& n, Config& c, auto& w) { return read_path(n, w, c.shield.asn_table); }},
        {"log", "level", [](auto& n, Config& c, auto& w) { return read_choice(n, w, {"trace", "debug", "info", "warn", "error"}, c.log.level); }},
        {"log", "file", [](auto& n, Config& c, auto& w) { return read_path(n, w, c.log.file); }},
    };
    return keys;
}

bool known_section(std::string_view name) {
    for (const auto& key : schema())
        if (key.section == name) return true;
    return false;
}

}  // namespace

Result<Config> parse_config(std::string_view toml_text, std::string_view source_name) {
    toml::table root;
    try {
        root = toml::parse(toml_text, source_name);
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        return make_error("config.syntax", std::string(source_name) + ":" +
                                               std::to_string(begin.line) + ":" +
                                               std::to_string(begin.column) + ": " +
                                               std::string(e.description()));
    }
    Config config;
    for (const auto& [section_name, section_node] : root) {
        const Where section_where{source_name, section_node.source(), std::string(section_name.str()), ""};
        if (!known_section(section_name.str()))
            return make_error("config.unknown_key",
                              section_where.prefix() + "unknown section [" +
                                  std::string(section_name.str()) + "]");
        const auto* section = section_node.as_table();
        if (!section)
            return make_error("config.bad_type",
                              section_where.prefix() + "[" + std::string(section_name.str()) +
                                  "] must be a table, written as a [section] header");
        for (const auto& [key_name, value] : *section) {
            const Where where{source_name, value.source(), std::string(section_name.str()),
                              std::string(key_name.str())};
            const Key* key = nullptr;
            for (const auto& candidate : schema())
                if (candidate.section == section_name.str() && candidate.name == key_name.str())
                    key = &candidate;
            if (!key)
                return make_error("config.unknown_key",
                                  where.prefix() + "unknown key [" + where.section + "] " +
                                      where.key);
            if (auto applied = key->apply(value, config, where); !applied) return applied.error();
        }
    }
    return config;
}

Result<Config> load_config(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return make_error("config.unreadable", "cannot read config file " + file.string() +
                                                   ": no such file, or no permission to read it");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file.string());
}

}  // namespace rempart
