// A moderator's word on a cluster: its signatures invalidated, or released back to the
// count. The incident closes with its last open cluster.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "defence/model/cluster.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct DecidedCluster {
    defence::Cluster cluster;  // as the decision left it
    // Invalidated, or given back to pending and confirmed; for a cluster of proposals or
    // reports, those rejected or closed, or given back to the queue (submission_holds).
    std::int64_t signatures = 0;
    std::string incident_state;  // after the decision: open, invalidated or released
    // Released: those it holds that stay invalidated, a moderator having set them aside by
    // hand (/admin/invalidate).
    std::int64_t kept_by_hand = 0;
};

// Invalidate: the signatures the cluster holds stop for good (not deleted), including
// those quarantined since an earlier decision while its hold lasts. Release, which also
// undoes an invalidation: those it holds go back to confirmed (when they had been) or
// pending, except any that another cluster not released still holds, whose signer has
// signed again meanwhile, or that a moderator invalidated by hand: a hand decision wins.
// Either is recorded as an incident action. DefenceError::cluster_not_found.
Result<DecidedCluster> decide_cluster(Database& db, std::int64_t cluster_id,
                                      defence::ClusterDecision decision, std::string_view by,
                                      std::int64_t at_ms);

}  // namespace rempart::store
