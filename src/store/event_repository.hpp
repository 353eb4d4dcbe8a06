// Signing events in the store: the record the defence engine reads.
#pragma once

#include <vector>

#include "signatures/signing_event.hpp"
#include "store/database.hpp"

namespace rempart::store {

Result<void> insert_event(Database& db, const signatures::SigningEvent& event);
// A proposal's or a report's event (its kind says which), into submission_events.
Result<void> insert_submission_event(Database& db, const signatures::SigningEvent& event);

// The latest events of a petition, newest first (for tests and the back office).
std::vector<signatures::SigningEvent> recent_events(Database& db, std::int64_t petition_id,
                                                    std::size_t limit);

}  // namespace rempart::store
