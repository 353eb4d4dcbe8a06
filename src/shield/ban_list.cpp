// Networks and ASes refused for a while.
#include "shield/ban_list.hpp"

#include <algorithm>
#include <mutex>

namespace rempart::shield {

void BanList::ban(const std::string& key, std::int64_t until_ms, std::int64_t now_ms) {
    std::unique_lock lock(mutex_);
    std::erase_if(until_, [now_ms](const auto& ban) { return ban.second <= now_ms; });
    auto& until = until_[key];
    until = std::max(until, until_ms);
    size_ = until_.size();
}

void BanList::lift(const std::string& key) {
    std::unique_lock lock(mutex_);
    until_.erase(key);
    size_ = until_.size();
}

std::optional<std::int64_t> BanList::banned_until(const std::vector<std::string_view>& keys,
                                                  std::int64_t now_ms) const {
    if (size_.load(std::memory_order_relaxed) == 0) return std::nullopt;
    std::shared_lock lock(mutex_);
    std::optional<std::int64_t> latest;
    for (const auto key : keys) {
        if (key.empty()) continue;
        const auto found = until_.find(std::string(key));
        if (found == until_.end() || found->second <= now_ms) continue;
        latest = std::max(latest.value_or(0), found->second);
    }
    return latest;
}

std::size_t BanList::active(std::int64_t now_ms) const {
    std::shared_lock lock(mutex_);
    return static_cast<std::size_t>(std::count_if(
        until_.begin(), until_.end(), [now_ms](const auto& ban) { return ban.second > now_ms; }));
}

}  // namespace rempart::shield
