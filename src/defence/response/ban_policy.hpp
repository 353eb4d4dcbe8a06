// Which networks and ASes an incident bans: those that sent the cluster and little else,
// never an ISP where households sit. Pure.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "defence/detect/detector.hpp"
#include "defence/model/ban.hpp"

namespace rempart::defence {

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

// The bans' kind, value and reason; their incident and times are the caller's to set.
std::vector<Ban> choose_bans(const detect::Observation& cluster, const BanPolicy& policy);

}  // namespace rempart::defence
