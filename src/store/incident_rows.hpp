// The clusters of incidents as the store reads them back: one statement and one reading of
// incident_clusters, for the incident page, the evidence, the decisions and a restart.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "defence/model/cluster.hpp"
#include "store/database.hpp"

namespace rempart::store {

// The incident's clusters, by id.
Result<std::vector<defence::Cluster>> incident_clusters(Database& db, std::int64_t incident_id);

// Clusters not released whose hold has not ended: what the defence restores after a restart.
std::vector<defence::Cluster> held_clusters(Database& db, std::int64_t now_ms);

std::optional<defence::Cluster> find_cluster(Database& db, std::int64_t cluster_id);

}  // namespace rempart::store
