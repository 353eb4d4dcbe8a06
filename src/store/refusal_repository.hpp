// Summaries of refused signing attempts in the store: written in one job, read by the
// incident pages and the evidence.
#pragma once

#include <vector>

#include "signatures/refusal_tally.hpp"
#include "store/database.hpp"

namespace rempart::store {

// Adds each summary to the row of its petition, minute, network and verdict (a minute
// taken twice, before and after a flush, adds up).
Result<void> record_refusals(Database& db,
                             const std::vector<signatures::RefusalSummary>& summaries);

// A petition's summaries between two times (minutes that overlap them), oldest first.
std::vector<signatures::RefusalSummary> refusals_between(Database& db, std::int64_t petition_id,
                                                         std::int64_t from_ms, std::int64_t to_ms);

}  // namespace rempart::store
