// One thing done in an incident and why, as its timeline shows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rempart::defence {

struct Action {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;
    // cluster, quarantined, difficulty_raised, banned, alert_mailed, watch_escalated,
    // cluster_invalidated, cluster_released, ban_lifted
    std::string action;
    std::string detail;
    std::optional<std::int64_t> until_ms;  // for an action that expires
};

}  // namespace rempart::defence
