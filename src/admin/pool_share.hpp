// Each network's share of the password pool: how many hashes it has queued or running.
#pragma once

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace rempart::admin {

// The pool's queue is short on purpose (argon2id costs 64 MiB a hash); without shares one
// network sending logins fast enough would hold all of it and every other login, the
// admins' own, would get 503.
class PoolShares {
  public:
    explicit PoolShares(std::size_t per_network) : per_network_(per_network) {}
    PoolShares(const PoolShares&) = delete;
    PoolShares& operator=(const PoolShares&) = delete;

    // A place held by one network until it is destroyed.
    class Place {
      public:
        Place(Place&& other) noexcept;
        Place& operator=(Place&&) = delete;
        ~Place();

      private:
        friend class PoolShares;
        Place(PoolShares* shares, std::string network);
        PoolShares* shares_;
        std::string network_;
    };

    // None when `network` already holds its share.
    std::optional<Place> claim(const std::string& network);
    std::size_t held_by(const std::string& network) const;
    std::size_t per_network() const { return per_network_; }

  private:
    void release(const std::string& network);

    std::size_t per_network_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, std::size_t> held_;
};

}  // namespace rempart::admin
