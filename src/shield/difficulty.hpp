// The proof-of-work difficulty asked of a client: the configured base, raised for a while
// on a petition or a network key when the defence engine decides so.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rempart::shield {

class Difficulty {
  public:
    explicit Difficulty(std::uint64_t base) : base_(base) {}

    // `key` is what the other shields count by: "petition:<slug>", "ip:…", "net:…", "as:…".
    // The raise lasts until `until` (Unix seconds); raising again replaces it.
    void raise(std::string key, std::uint64_t max_number, std::int64_t until);
    void lower(std::string_view key);

    // The hardest difficulty any of `keys` calls for now; the base when none is raised.
    std::uint64_t required(std::initializer_list<std::string_view> keys, std::int64_t now) const;
    std::uint64_t base() const { return base_; }

  private:
    struct Raise {
        std::uint64_t max_number;
        std::int64_t until;
    };
    std::uint64_t base_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Raise> raised_;
};

}  // namespace rempart::shield
