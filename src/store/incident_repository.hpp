// Incidents in the store: opened with the quarantine of their signatures, and their actions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace rempart::store {

// What stood out, as the detector saw it. `dimension` is one of name, comment,
// email_domain, network, as, user_agent; `key_value` as the events hold it ("as:64500"
// for an AS).
struct NewIncident {
    std::int64_t petition_id = 0;
    std::string dimension;
    std::string key_value;
    std::int64_t attempts_in_window = 0;
    std::int64_t window_total = 0;
    std::int64_t distinct_networks = 0;
    std::int64_t first_attempt_ms = 0;
    std::int64_t opened_ms = 0;
};

struct OpenedIncident {
    std::int64_t id = 0;
    std::int64_t quarantined = 0;  // pending and confirmed signatures set aside
};

// Opens the incident and, in the same transaction, quarantines the petition's pending and
// confirmed signatures whose attempts carried the key since `since_ms`. Nothing is
// deleted: quarantined signatures stop counting and wait for a moderator.
// "incident.unknown_dimension" for a dimension the store cannot search.
Result<OpenedIncident> open_incident(Database& db, const NewIncident& incident,
                                     std::int64_t since_ms);

Result<void> record_incident_action(Database& db, std::int64_t incident_id, std::int64_t at_ms,
                                    std::string_view action, std::string_view detail,
                                    std::optional<std::int64_t> until_ms = std::nullopt);

}  // namespace rempart::store
