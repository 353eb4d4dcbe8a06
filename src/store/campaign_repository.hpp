// What the campaign page of one petition shows: its signatures by state, by hour and by
// day, by département, and the incidents that touched it.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"

namespace rempart::store {

// Signatures made in one hour or one day, by what became of them since.
struct SignatureBucket {
    std::int64_t start = 0;      // Unix seconds
    std::int64_t confirmed = 0;  // confirmed and counted
    std::int64_t waiting = 0;    // still waiting for their confirmation
    std::int64_t other = 0;      // set aside by the defence, invalidated or withdrawn
};

struct CampaignIncident {
    std::int64_t id = 0;
    std::string state;      // open, invalidated, released
    std::string dimension;  // what stood out
    std::int64_t opened_ms = 0;
    std::int64_t quarantined = 0;
};

struct CampaignFigures {
    // pending, confirmed, quarantined, invalidated, withdrawn (signatures::SignatureState's order)
    std::array<std::int64_t, 5> by_state{};
    std::vector<SignatureBucket> hours;  // the last 48 hours that saw a signature
    std::vector<SignatureBucket> days;   // every day that saw one, at most the last 120
    std::vector<std::pair<std::string, std::int64_t>> by_region;  // confirmed, most first
    std::vector<CampaignIncident> incidents;                      // newest first
};

// Reads the petition's signatures twice for the buckets: 0.11 s and 0.14 s for a petition
// of 200,000 (sqlite3, 2-core machine), on a reader thread, for a page organisers open now
// and then.
CampaignFigures campaign_figures(Database& db, std::int64_t petition_id, std::int64_t now);

}  // namespace rempart::store
