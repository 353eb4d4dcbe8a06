// Watches in the store: values that repeat without a sign of automation, shown to the
// moderators with nothing set aside, until they decide or the evidence converges.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

struct NewWatch {
    std::int64_t petition_id = 0;
    std::string dimension;  // as in NewCluster
    std::string key_value;
    std::int64_t attempts_in_window = 0;
    std::int64_t window_total = 0;
    std::int64_t distinct_networks = 0;
    std::int64_t first_attempt_ms = 0;
    std::string evidence;  // what was seen and why it is not enough, one sentence a line
};

struct Watch {
    std::int64_t id = 0;
    std::int64_t petition_id = 0;
    std::string petition_slug;
    std::string dimension;
    std::string key_value;
    std::int64_t attempts_in_window = 0;
    std::int64_t window_total = 0;
    std::int64_t distinct_networks = 0;
    std::int64_t first_attempt_ms = 0;
    std::int64_t opened_ms = 0;
    std::int64_t updated_ms = 0;
    std::string evidence;
    std::string state;  // open, escalated, dismissed, invalidated
    std::optional<std::int64_t> incident_id;
    std::optional<std::int64_t> decided_ms;
    std::string decided_by;
};

struct RecordedWatch {
    std::int64_t id = 0;
    bool opened = false;  // false: the one still open was updated
};

// Opens a watch, or updates the figures of the one still open for the same petition and
// value.
Result<RecordedWatch> record_watch(Database& db, const NewWatch& watch, std::int64_t now_ms);

// The open watch of this value, if any, becomes part of `incident_id`: the evidence
// converged. Returns whether there was one.
Result<bool> escalate_watch(Database& db, std::int64_t petition_id, std::string_view dimension,
                            std::string_view key_value, std::int64_t incident_id,
                            std::int64_t now_ms);

// A moderator's decision on an open watch: "dismissed" (a real crowd) or "invalidated"
// (they set its signatures aside with the invalidation form). DefenceError::watch_not_found,
// DefenceError::watch_decided when it was not open any more, DefenceError::watch_bad_state for
// another state.
Result<Watch> decide_watch(Database& db, std::int64_t watch_id, std::string_view state,
                           std::string_view by, std::int64_t now_ms);

std::optional<Watch> find_watch(Database& db, std::int64_t watch_id);
// Open ones first, then the latest; at most `limit`.
std::vector<Watch> list_watches(Database& db, std::size_t limit);
std::int64_t open_watch_count(Database& db);

}  // namespace rempart::store
