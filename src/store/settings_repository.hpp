// Settings changed from the back office that outlive a restart, with who set them and when.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

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

// The names in use.
inline constexpr std::string_view gate_mode_setting = "gate.mode";

}  // namespace rempart::store
