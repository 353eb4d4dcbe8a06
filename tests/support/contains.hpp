// What nearly every test of a page or a mail asks: is this piece in the text?
#pragma once

#include <string_view>

namespace rempart::testing {

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

}  // namespace rempart::testing
