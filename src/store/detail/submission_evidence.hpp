// The evidence of an incident about proposals or reports: their events and the items set
// aside, in the IncidentRecord signatures fill (evidence_repository reads the rest).
#pragma once

#include "defence/model/incident_record.hpp"
#include "store/database.hpp"

namespace rempart::store {

// The subject's events carrying one of the incident's clusters' keys while it was held,
// and every event of an item its clusters set aside; the items themselves stand in the
// record's samples and counts by state (the author's name, address and domain for a
// proposal, its title as the comment; a report's reason as the comment).
Result<void> load_submission_evidence(Database& db, defence::IncidentRecord& record);

}  // namespace rempart::store
