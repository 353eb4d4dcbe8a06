// Public petitions whose title, summary or text hold every word of a search. Read from the
// store on every search, which is why the shield sheds searches first under load.
#pragma once

#include <string>
#include <vector>

#include "petitions/petition.hpp"
#include "store/database.hpp"

namespace rempart::store {

// `words` are folded as signatures::normalise_for_comparison folds (web/search_query):
// case, accents and punctuation do not matter. Published and closed petitions, newest
// first, at most `limit`. No words: none.
std::vector<Petition> search_petitions(Database& db, const std::vector<std::string>& words,
                                       std::size_t limit);

// Petitions that look like what `words` say, best first, at most `limit`: title and summary
// words in the index (any of them; the last one also as the start of a word, since it may be
// half typed), ranked by BM25. Words of fewer than three letters are left out ("le", "à").
// Published and closed petitions only: what a visitor may be shown.
std::vector<Petition> similar_petitions(Database& db, const std::vector<std::string>& words,
                                        std::size_t limit);

}  // namespace rempart::store
