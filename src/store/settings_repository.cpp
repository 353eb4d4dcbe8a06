// Settings changed from the back office that outlive a restart.
#include "store/settings_repository.hpp"

namespace rempart::store {

std::optional<Setting> read_setting(Database& db, std::string_view name) {
    auto& select =
        db.prepare("SELECT value, updated_ms, updated_by FROM site_settings WHERE name = ?1");
    select.bind(1, name);
    std::optional<Setting> setting;
    if (select.step())
        setting = Setting{select.column_text(0), select.column_int(1), select.column_text(2)};
    select.reset();
    return setting;
}

Result<void> write_setting(Database& db, std::string_view name, std::string_view value,
                           std::string_view by, std::int64_t now_ms) {
    auto& upsert = db.prepare(
        "INSERT INTO site_settings (name, value, updated_ms, updated_by) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_ms = "
        "excluded.updated_ms, "
        "updated_by = excluded.updated_by");
    upsert.bind(1, name).bind(2, value).bind(3, now_ms).bind(4, by);
    return upsert.run();
}

std::vector<std::pair<std::string, Setting>> read_settings(Database& db) {
    auto& select =
        db.prepare("SELECT name, value, updated_ms, updated_by FROM site_settings ORDER BY name");
    std::vector<std::pair<std::string, Setting>> settings;
    while (select.step())
        settings.emplace_back(
            select.column_text(0),
            Setting{select.column_text(1), select.column_int(2), select.column_text(3)});
    select.reset();
    return settings;
}

std::vector<std::pair<std::string, std::string>> read_setting_values(Database& db) {
    std::vector<std::pair<std::string, std::string>> values;
    for (auto& [name, setting] : read_settings(db))
        values.emplace_back(std::move(name), std::move(setting.value));
    return values;
}

Result<void> forget_settings(Database& db, const std::vector<std::string>& names) {
    auto& remove = db.prepare("DELETE FROM site_settings WHERE name = ?1");
    for (const auto& name : names) {
        remove.bind(1, name);
        if (auto removed = remove.run(); !removed) return removed.error();
    }
    return {};
}

}  // namespace rempart::store
