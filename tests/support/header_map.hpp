// Request headers for tests that build a request by hand: a map, seen as an http::HeaderView.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace rempart::testing {

using HeaderMap = std::map<std::string, std::string, std::less<>>;

// A view of `headers`, which must outlive it; a name not in the map reads as empty.
inline http::HeaderView header_view(const HeaderMap& headers) {
    return http::HeaderView(&headers, [](const void* fields, std::string_view name) {
        const auto& map = *static_cast<const HeaderMap*>(fields);
        const auto it = map.find(name);
        return it == map.end() ? std::string_view() : std::string_view(it->second);
    });
}

}  // namespace rempart::testing
