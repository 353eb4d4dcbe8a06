// Hash maps keyed by text, for the counts the defence keeps per value on every request.
#pragma once

#include <boost/unordered/unordered_flat_map.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace rempart {

// Found by a string_view without building a std::string, the key's copy kept in the slot:
// std::unordered_map walked from a bucket to a node to the text, three cache misses a look,
// and the rate limits, the mailbox caps and the detector's counts looked up about twenty
// values a signature: 15 % of the io threads' time under bench/sign.
struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

// Open addressing: an insert may move every element, so keep no pointer or reference to an
// element across an insert.
template <class Value>
using StringMap = boost::unordered_flat_map<std::string, Value, StringHash, std::equal_to<>>;

}  // namespace rempart
