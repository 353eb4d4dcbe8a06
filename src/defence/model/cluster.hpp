// A value the defence acted on, inside one incident, and a moderator's word on it. The one
// cluster type: the detector's finding recorded, the store's rows, the pages, the evidence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "defence/model/sighting.hpp"

namespace rempart::defence {

// Its signatures are held in quarantine, and new attempts carrying its value start
// quarantined until `held_until_ms`, until a moderator invalidates or releases it.
struct Cluster : Sighting {
    // 0 before it is written, and for the one cluster an incident opened before clusters
    // had rows of their own is read as (see store/evidence_repository.hpp).
    std::int64_t id = 0;
    std::int64_t incident_id = 0;
    std::int64_t detected_ms = 0;
    std::optional<std::int64_t> contained_ms;   // its quarantine committed; none for the old
    std::optional<std::int64_t> held_until_ms;  // single cluster when its end is not known
    std::string state;                          // open, invalidated, released
    std::optional<std::int64_t> decided_ms;
    std::string decided_by;  // the moderator's account
};

enum class ClusterDecision { invalidate, release };
// The state it leaves the cluster in: "invalidated", "released".
std::string_view to_string(ClusterDecision decision);

}  // namespace rempart::defence
