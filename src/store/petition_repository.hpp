// Petitions in the store: insert, list, find, change state.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "petitions/petition.hpp"
#include "store/database.hpp"

namespace rempart::store {

// The draft must be validated already. A slug in use gives PetitionError::slug_taken.
Result<Petition> insert_petition(Database& db, const PetitionDraft& draft, std::int64_t now);
// Every petition, newest first.
std::vector<Petition> list_petitions(Database& db);
std::optional<Petition> find_petition(Database& db, std::string_view slug);
// The same with its signatures by region, read now: for answers that must be exact.
std::optional<Petition> find_petition_with_counts(Database& db, std::string_view slug);
// PetitionError::not_found when no petition has this slug.
Result<void> set_petition_state(Database& db, std::string_view slug, PetitionState state,
                                std::int64_t now);

}  // namespace rempart::store
