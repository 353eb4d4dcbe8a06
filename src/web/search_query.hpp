// What a visitor typed in the search box, checked and folded into words to look for. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart::web {

inline constexpr std::size_t search_max_chars = 100;
inline constexpr std::size_t search_max_words = 8;

struct SearchQuery {
    std::string text;                // as typed, cleaned: shown back in the search box
    std::vector<std::string> words;  // folded (case, accents, punctuation), distinct
};

// `raw` is the percent-decoded `q` parameter. Errors: WebError::search_too_long past
// search_max_chars characters, WebError::search_not_text for bytes that are not UTF-8. Words past
// search_max_words are left out; a query of punctuation alone has no words.
Result<SearchQuery> parse_search_query(std::string_view raw);

}  // namespace rempart::web
