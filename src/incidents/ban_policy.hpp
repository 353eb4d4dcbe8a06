// Which networks and ASes an incident bans: those that sent the cluster and little else,
// never an ISP where households sit. Pure.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "detect/detector.hpp"

namespace rempart::incidents {

struct BanPolicy {
    // A network is banned when this many of the cluster's attempts came from it and they
    // are this share of everything it sent: a real signer behind it would be rare.
    std::size_t network_min_attempts = 5;
    double network_min_share = 0.8;
    std::size_t max_networks = 64;  // the worst ones; the quarantine covers the rest
    // An AS only when it sent many and almost nothing else (a hosting provider rented for
    // the attack); the eyeball ISPs in `never_ban` never.
    std::size_t as_min_attempts = 50;
    double as_min_share = 0.9;
    std::vector<std::uint32_t> never_ban;
    std::chrono::seconds duration{1800};
};

struct BanDecision {
    std::string kind;  // "network" or "as"
    std::string key;   // "net:203.0.113.0/24", "as:64500"
    std::string reason;
};

std::vector<BanDecision> choose_bans(const detect::Cluster& cluster, const BanPolicy& policy);

}  // namespace rempart::incidents
