// The networks the site has seen, and since when: a client from a network first seen
// during a wave is unknown, one seen in calm times before it is known. Bounded in memory.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>

#include <array>
#include <cstdint>
#include <mutex>

#include "shield/traffic_key.hpp"

namespace rempart::shield {

class NetworkBook {
  public:
    // A network is known `known_after` seconds after it was first seen, and forgotten
    // after `forget_after` seconds unseen. Past `max_networks`, new ones are not written
    // down (they stay unknown) rather than pushing out the known.
    NetworkBook(std::int64_t known_after, std::int64_t forget_after, std::size_t max_networks);

    // Notes a visit from `network` at `now` (Unix seconds); true when it is known. With
    // `learn` false (during a wave) a network not yet written down is not written down:
    // a botnet's networks first seen in its own wave never vouch for themselves.
    bool visit(const TrafficKey& network, std::int64_t now, bool learn = true);
    void forget_stale(std::int64_t now);
    std::size_t size() const;

  private:
    struct Seen {
        std::int64_t first = 0;
        std::int64_t last = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        boost::unordered_flat_map<TrafficKey, Seen, TrafficKeyHash> networks;
    };
    static constexpr std::size_t shard_count = 16;

    std::int64_t known_after_;
    std::int64_t forget_after_;
    std::size_t max_per_shard_;
    std::array<Shard, shard_count> shards_;
};

}  // namespace rempart::shield
