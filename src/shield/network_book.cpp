// The networks the site has seen, and since when.
#include "shield/network_book.hpp"

#include <algorithm>

namespace rempart::shield {

NetworkBook::NetworkBook(std::int64_t known_after, std::int64_t forget_after,
                         std::size_t max_networks)
    : known_after_(known_after),
      forget_after_(forget_after),
      max_per_shard_(std::max<std::size_t>(1, max_networks / shard_count)) {}

bool NetworkBook::visit(const TrafficKey& network, std::int64_t now, bool learn) {
    auto& shard = shards_[(TrafficKeyHash{}(network) >> 58) % shard_count];
    std::lock_guard lock(shard.mutex);
    const auto it = shard.networks.find(network);
    if (it != shard.networks.end()) {
        it->second.last = now;
        return it->second.first + known_after_ <= now;
    }
    if (learn && shard.networks.size() < max_per_shard_)
        shard.networks.emplace(network, Seen{now, now});
    return false;
}

void NetworkBook::forget_stale(std::int64_t now) {
    for (auto& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        boost::unordered::erase_if(shard.networks, [&](const auto& entry) {
            return entry.second.last + forget_after_ < now;
        });
    }
}

std::size_t NetworkBook::size() const {
    std::size_t total = 0;
    for (const auto& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        total += shard.networks.size();
    }
    return total;
}

}  // namespace rempart::shield
