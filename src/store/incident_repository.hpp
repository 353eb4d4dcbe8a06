// Incidents in the store: the clusters of an attack, the signatures each one holds in
// quarantine, and the actions taken.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defence/model/action.hpp"
#include "defence/model/cluster.hpp"
#include "signatures/signing_event.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct RecordedCluster {
    std::int64_t incident_id = 0;
    std::int64_t cluster_id = 0;
    bool new_incident = false;     // false: it joined the petition's attack under way
    std::int64_t quarantined = 0;  // signatures, proposals or reports set aside
};

// Writes a cluster as the defence found it (its sighting, `detected_ms` and
// `held_until_ms`; its id, incident and state are the store's). Joins the incident of its
// petition (or of its subject, for proposals and reports) still under way (one of its
// clusters still held at `detected_ms`), or opens one: one attack, one incident, one
// alert. In the same transaction, holds the petition's signatures whose attempts carried
// the key since `first_attempt_ms`, and quarantines those pending or confirmed; or sets
// aside the proposals or reports that carried it (submission_holds). Nothing is deleted.
// DefenceError::unknown_dimension for a dimension the store cannot search.
Result<RecordedCluster> record_cluster(Database& db, const defence::Cluster& cluster,
                                       std::int64_t now_ms);

// Holds for the cluster, and quarantines, the petition's signatures whose attempts carried
// another key since `since_ms`: those of the networks and ASes banned for sending it, which
// sent little else. Returns how many were newly quarantined.
Result<std::int64_t> hold_more(Database& db, std::int64_t cluster_id, std::int64_t petition_id,
                               defence::Dimension dimension, std::string_view key_value,
                               std::int64_t since_ms);

// Links a signature recorded quarantined (its attempt carried a held key) to the clusters
// holding that key (open, or invalidated while their hold lasts), so that releasing them gives it
// back. Returns the links made.
Result<std::int64_t> hold_new_signature(Database& db, std::int64_t signature_id,
                                        const signatures::SigningEvent& event, std::int64_t now_ms);

Result<void> record_incident_action(Database& db, std::int64_t incident_id, std::int64_t at_ms,
                                    std::string_view action, std::string_view detail,
                                    std::optional<std::int64_t> until_ms = std::nullopt);

// The incident's actions in time order: the one reading of incident_actions, for its page
// and its evidence.
Result<std::vector<defence::Action>> incident_actions(Database& db, std::int64_t incident_id);

}  // namespace rempart::store
