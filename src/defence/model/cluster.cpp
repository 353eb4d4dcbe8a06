// A moderator's word on a cluster, named as the cluster's state after it.
#include "defence/model/cluster.hpp"

namespace rempart::defence {

std::string_view to_string(ClusterDecision decision) {
    return decision == ClusterDecision::invalidate ? "invalidated" : "released";
}

}  // namespace rempart::defence
