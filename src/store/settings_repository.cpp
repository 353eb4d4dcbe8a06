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

}  // namespace rempart::store
