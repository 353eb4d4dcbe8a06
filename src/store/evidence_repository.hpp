// An incident's evidence in the store: the facts the exports are made of, and the exports made.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "defence/model/incident_record.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Everything the evidence files show about one incident, read in one transaction so that
// both files describe the same moment. DefenceError::incident_not_found when there is no such
// incident.
//
// The incident's events are the petition's signing events carrying one of its clusters'
// keys between the cluster's first attempt and the end of its hold, and every event of a
// signature its clusters hold in quarantine. An incident opened before clusters had rows
// of their own is read as one cluster made from its row, held until its 'quarantined'
// action's end (or `now_ms`). Events are aggregated in SQL by address and verdict, by
// minute and verdict, and by user agent: memory follows the number of addresses, not of
// events. `as_organisations` is left empty for the caller (evidence/organisations.hpp).
Result<defence::IncidentRecord> load_incident_record(Database& db, std::int64_t incident_id,
                                                     std::int64_t now_ms);

// One exported file, as recorded.
struct EvidenceExport {
    std::int64_t id = 0;
    std::int64_t incident_id = 0;
    std::string format;  // json, csv
    std::string sha256;
    std::int64_t size_bytes = 0;
    std::int64_t format_version = 0;
    std::int64_t exported_ms = 0;
    std::string exported_by;
};

// Records a file handed out; returns the row's id. DefenceError::evidence_bad_export for a format
// other than json or csv or a checksum that is not 64 lowercase hex digits;
// DefenceError::incident_not_found for an unknown incident.
Result<std::int64_t> record_evidence_export(Database& db, std::int64_t incident_id,
                                            std::string_view format, std::string_view sha256,
                                            std::int64_t size_bytes, std::int64_t at_ms,
                                            std::string_view by);

// The exports of an incident, oldest first (for the back office).
std::vector<EvidenceExport> list_evidence_exports(Database& db, std::int64_t incident_id);

}  // namespace rempart::store
