// A value that repeats with no sign of automation: shown to the moderators with nothing
// set aside, until they decide or the evidence converges into a cluster.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "defence/model/sighting.hpp"

namespace rempart::defence {

// Its sighting's `evidence` says what was seen and why it is not enough to act.
struct Watch : Sighting {
    std::int64_t id = 0;
    std::int64_t opened_ms = 0;
    std::int64_t updated_ms = 0;
    std::string state;                        // open, escalated, dismissed, invalidated
    std::optional<std::int64_t> incident_id;  // once escalated
    std::optional<std::int64_t> decided_ms;
    std::string decided_by;
};

}  // namespace rempart::defence
