// How an incident is read from its row, shared by the files that select incidents.
#pragma once

#include <string_view>

#include "defence/model/incident.hpp"
#include "store/database.hpp"

namespace rempart::store {

// "i.id, ..." over incident_tables, read by read_incident_row from column 0; a statement
// may select more columns after them.
extern const std::string_view incident_columns;
inline constexpr int incident_column_count = 9;
// "FROM incidents i LEFT JOIN petitions p ON p.id = i.petition_id ", to be followed by
// WHERE: proposals and reports name no petition.
extern const std::string_view incident_tables;
defence::Incident read_incident_row(const Statement& row);

}  // namespace rempart::store
