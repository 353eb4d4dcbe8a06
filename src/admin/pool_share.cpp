// Each network's share of the password pool.
#include "admin/pool_share.hpp"

#include "accounts/login_throttle.hpp"

namespace rempart::admin {

PoolShares::Place::Place(PoolShares* shares, std::string network)
    : shares_(shares), network_(std::move(network)) {}

PoolShares::Place::Place(Place&& other) noexcept
    : shares_(other.shares_), network_(std::move(other.network_)) {
    other.shares_ = nullptr;
}

PoolShares::Place::~Place() {
    if (shares_) shares_->release(network_);
}

std::optional<PoolShares::Place> PoolShares::claim(const std::string& network) {
    std::lock_guard lock(mutex_);
    auto& held = held_[network];
    if (!accounts::pool_share_allows(held, per_network_)) return std::nullopt;
    ++held;
    return Place(this, network);
}

std::size_t PoolShares::held_by(const std::string& network) const {
    std::lock_guard lock(mutex_);
    const auto it = held_.find(network);
    return it == held_.end() ? 0 : it->second;
}

void PoolShares::release(const std::string& network) {
    std::lock_guard lock(mutex_);
    const auto it = held_.find(network);
    if (it == held_.end()) return;
    // Networks holding nothing take no memory: the map is as small as the pool.
    if (--it->second == 0) held_.erase(it);
}

}  // namespace rempart::admin
