// The errors of the public site's own input: the search box.
#pragma once

#include <string_view>

namespace rempart::web {

enum class WebError {
    search_too_long,  // the search is longer than the box allows
    search_not_text,  // the search is not UTF-8 text
};

constexpr std::string_view error_name(WebError error) {
    switch (error) {
        case WebError::search_too_long:
            return "search.too_long";
        case WebError::search_not_text:
            return "search.not_text";
    }
    return "search.unknown";
}

}  // namespace rempart::web
