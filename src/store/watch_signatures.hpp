// The signatures behind a watch: the petition's signatures whose attempts carried the
// watched value since its first attempt, for a moderator to judge. Reads only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "store/database.hpp"
#include "store/incident_views.hpp"
#include "store/watch_repository.hpp"

namespace rempart::store {

struct WatchSignatures {
    std::int64_t total = 0;                // all of them, in every state
    std::vector<SignatureSample> samples;  // the earliest `limit`
};

// None for a dimension the events do not hold.
WatchSignatures watch_signatures(Database& db, const defence::Watch& watch, std::size_t limit);

}  // namespace rempart::store
