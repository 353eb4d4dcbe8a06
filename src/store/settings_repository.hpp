// Settings changed from the back office that outlive a restart, with who set them and when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

struct Setting {
    std::string value;
    std::int64_t updated_ms = 0;
    std::string updated_by;
};

std::optional<Setting> read_setting(Database& db, std::string_view name);
Result<void> write_setting(Database& db, std::string_view name, std::string_view value,
                           std::string_view by, std::int64_t now_ms);

// Every stored setting by name, in name order.
std::vector<std::pair<std::string, Setting>> read_settings(Database& db);
// The same, values alone: what web::with_stored lays over the config file.
std::vector<std::pair<std::string, std::string>> read_setting_values(Database& db);
// Removes the settings `names`, so that the config file's values apply again.
Result<void> forget_settings(Database& db, const std::vector<std::string>& names);

// The names in use; the site's settings are named in web/live_settings.cpp.
inline constexpr std::string_view gate_mode_setting = "gate.mode";
// The last UTC day the moderators' digest went out (app/moderation_digest).
inline constexpr std::string_view digest_day_setting = "moderation.digest_day";

}  // namespace rempart::store
