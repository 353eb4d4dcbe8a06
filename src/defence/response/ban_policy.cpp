// Which networks and ASes an incident bans.
#include "defence/response/ban_policy.hpp"

#include <algorithm>

namespace rempart::defence {
namespace {

double share_of(const detect::Source& source) {
    return source.in_window == 0
               ? 0.0
               : static_cast<double>(source.in_cluster) / static_cast<double>(source.in_window);
}

std::string reason_for(const detect::Source& source, const detect::Observation& cluster) {
    return std::to_string(source.in_cluster) + " of its " + std::to_string(source.in_window) +
           " attempts in the window carried " + std::string(to_string(cluster.dimension)) +
           " = the incident's value";
}

Ban ban_of(BanKind kind, const detect::Source& source, const detect::Observation& cluster) {
    Ban ban;
    ban.kind = kind;
    ban.value = source.key;
    ban.reason = reason_for(source, cluster);
    return ban;
}

}  // namespace

std::vector<Ban> choose_bans(const detect::Observation& cluster, const BanPolicy& policy) {
    std::vector<Ban> bans;
    for (const auto& network : cluster.networks) {  // most attempts first
        if (bans.size() >= policy.max_networks) break;
        if (network.in_cluster < policy.network_min_attempts) break;
        if (share_of(network) < policy.network_min_share) continue;
        bans.push_back(ban_of(BanKind::network, network, cluster));
    }
    for (const auto& as : cluster.ases) {
        if (as.in_cluster < policy.as_min_attempts) break;
        if (share_of(as) < policy.as_min_share) continue;
        const bool eyeball = std::any_of(
            policy.never_ban.begin(), policy.never_ban.end(),
            [&](std::uint32_t number) { return as.key == "as:" + std::to_string(number); });
        if (eyeball) continue;
        bans.push_back(ban_of(BanKind::as, as, cluster));
    }
    return bans;
}

}  // namespace rempart::defence
