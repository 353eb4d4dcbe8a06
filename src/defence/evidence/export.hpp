// Evidence files for a complaint: one incident as JSON and as CSV, each with its SHA-256.
//
// For the back office and the command line:
//   auto record = store::load_incident_record(db, incident_id, now_ms);   // the facts
//   evidence::name_autonomous_systems(*record, asn_table);                 // AS names
//   const auto json = evidence::export_json(*record);                      // the files
//   const auto csv = evidence::export_csv(*record);
//   store::record_evidence_export(db, incident_id, "json", json.sha256, json.bytes.size(),
//                                 now_ms, who);                           // the record
// Both files are pure functions of the record: the same store gives byte-identical files.
// Neither holds the time of the export; evidence_exports does. Both write the layout's
// version, defence::evidence_format_version (model/incident_record.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "defence/model/incident_record.hpp"

namespace rempart::defence::evidence {

struct Export {
    std::string filename;      // incident-<id>.json or incident-<id>.csv
    std::string content_type;  // for an HTTP download
    std::string bytes;
    std::string sha256;  // lowercase hex of `bytes`
};

// Pretty-printed UTF-8 JSON; every time both as ISO 8601 UTC text and as Unix milliseconds.
Export export_json(const IncidentRecord& record);

// One CSV file in sections, each with its own header row whose first cell is "section";
// sections are apart by a blank line (layout in DESIGN-NOTES.md). UTF-8 with a BOM, times
// as ISO 8601 UTC text.
Export export_csv(const IncidentRecord& record);

// Lowercase hex SHA-256.
std::string sha256_hex(std::string_view bytes);

}  // namespace rempart::defence::evidence
