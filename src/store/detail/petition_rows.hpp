// How a petition is read from its row, shared by the files that select petitions.
#pragma once

#include <string_view>

#include "petitions/petition.hpp"
#include "store/database.hpp"

namespace rempart::store {

// "SELECT <columns> FROM petitions ", to be followed by WHERE or ORDER BY.
extern const std::string_view petition_columns;
Petition read_petition_row(const Statement& row);

}  // namespace rempart::store
