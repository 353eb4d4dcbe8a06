// Networks and ASes refused for a while: the defence bans where an attack came from, a
// moderator may lift a ban early. Read on every signing attempt, written rarely.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rempart::shield {

class BanList {
  public:
    // `key` as the shields count by: "net:203.0.113.0/24", "as:64500". Banning again keeps
    // the later end. Bans over by `now_ms` are forgotten then.
    void ban(const std::string& key, std::int64_t until_ms, std::int64_t now_ms);
    void lift(const std::string& key);

    // When the ban on any of `keys` ends (the latest), or nothing when none is banned now.
    std::optional<std::int64_t> banned_until(const std::vector<std::string_view>& keys,
                                             std::int64_t now_ms) const;
    std::size_t active(std::int64_t now_ms) const;

  private:
    mutable std::shared_mutex mutex_;
    std::unordered_map<std::string, std::int64_t> until_;
    // Most of the time nobody is banned: the hot path then takes no lock.
    std::atomic<std::size_t> size_{0};
};

}  // namespace rempart::shield
