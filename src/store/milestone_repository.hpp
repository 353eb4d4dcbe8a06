// Goals reached: each (petition, goal) recorded once, so that its mail goes once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

struct GoalReached {
    std::int64_t petition_id = 0;
    std::string slug;
    std::string title;
    std::int64_t goal = 0;
    std::int64_t count = 0;  // confirmed signatures when it was noticed
};

// The published petitions whose confirmed count has reached a goal not yet recorded; each
// is recorded before it is returned, so two calls never return the same one.
std::vector<GoalReached> record_goals_reached(Database& db, std::int64_t now);

// Where the organisers are written to: every active organiser's and admin's address.
std::vector<std::string> organiser_addresses(Database& db);

}  // namespace rempart::store
