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

}  // namespace rempart::store
