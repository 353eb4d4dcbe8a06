// What a visitor typed in the search box, checked and folded into words to look for.
#include "web/search_query.hpp"

#include <algorithm>

#include "signatures/errors.hpp"
#include "signatures/text_input.hpp"
#include "web/errors.hpp"

namespace rempart::web {

Result<SearchQuery> parse_search_query(std::string_view raw) {
    auto cleaned = signatures::clean_text(raw, search_max_chars, false);
    if (!cleaned)
        return make_error(cleaned.error().code == signatures::SignatureError::input_too_long
                              ? WebError::search_too_long
                              : WebError::search_not_text,
                          cleaned.error().detail);
    SearchQuery query;
    query.text = std::move(*cleaned);
    const auto folded = signatures::normalise_for_comparison(query.text);
    std::string_view rest = folded;
    while (!rest.empty() && query.words.size() < search_max_words) {
        const auto space = rest.find(' ');
        const auto word = rest.substr(0, space);
        rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        if (word.empty()) continue;
        if (std::find(query.words.begin(), query.words.end(), word) == query.words.end())
            query.words.emplace_back(word);
    }
    return query;
}

}  // namespace rempart::web
