// Watches in the store: values that repeat without a sign of automation, shown to the
// moderators with nothing set aside, until they decide or the evidence converges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defence/model/sighting.hpp"
#include "defence/model/watch.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct RecordedWatch {
    std::int64_t id = 0;
    bool opened = false;  // false: the one still open was updated
};

// Opens a watch of what was sighted, or updates the figures of the one still open for the
// same petition and value.
Result<RecordedWatch> record_watch(Database& db, const defence::Sighting& watch,
                                   std::int64_t now_ms);

// The open watch of this value, if any, becomes part of `incident_id`: the evidence
// converged. Returns whether there was one.
Result<bool> escalate_watch(Database& db, std::int64_t petition_id, defence::Dimension dimension,
                            std::string_view key_value, std::int64_t incident_id,
                            std::int64_t now_ms);

// A moderator's decision on an open watch: "dismissed" (a real crowd) or "invalidated"
// (they set its signatures aside with the invalidation form). DefenceError::watch_not_found,
// DefenceError::watch_decided when it was not open any more, DefenceError::watch_bad_state for
// another state.
Result<defence::Watch> decide_watch(Database& db, std::int64_t watch_id, std::string_view state,
                                    std::string_view by, std::int64_t now_ms);

std::optional<defence::Watch> find_watch(Database& db, std::int64_t watch_id);
// Open ones first, then the latest; at most `limit`.
std::vector<defence::Watch> list_watches(Database& db, std::size_t limit);
std::int64_t open_watch_count(Database& db);

}  // namespace rempart::store
