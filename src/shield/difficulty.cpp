// The proof-of-work difficulty asked of a client: the configured base, raised for a while
// on a petition or a network key when the defence engine decides so.
#include "shield/difficulty.hpp"

#include <algorithm>

namespace rempart::shield {

void Difficulty::raise(std::string key, std::uint64_t max_number, std::int64_t until) {
    std::lock_guard lock(mutex_);
    raised_[std::move(key)] = Raise{max_number, until};
}

void Difficulty::lower(std::string_view key) {
    std::lock_guard lock(mutex_);
    raised_.erase(std::string(key));
}

std::uint64_t Difficulty::required(std::initializer_list<std::string_view> keys,
                                   std::int64_t now) const {
    std::uint64_t required = base_;
    std::lock_guard lock(mutex_);
    if (raised_.empty()) return required;  // the usual case: one branch, no lookups
    for (const auto key : keys) {
        const auto it = raised_.find(std::string(key));
        if (it != raised_.end() && it->second.until > now)
            required = std::max(required, it->second.max_number);
    }
    return required;
}

}  // namespace rempart::shield
