// What the campaign page of one petition shows.
#include "store/campaign_repository.hpp"

#include <algorithm>

#include "core/clock.hpp"

namespace rempart::store {
namespace {

constexpr std::int64_t hour = 3600;

void add_to(std::vector<SignatureBucket>& buckets, std::int64_t start, const std::string& state,
            std::int64_t count) {
    if (buckets.empty() || buckets.back().start != start) buckets.push_back({start});
    auto& bucket = buckets.back();
    if (state == "confirmed")
        bucket.confirmed += count;
    else if (state == "pending")
        bucket.waiting += count;
    else
        bucket.other += count;
}

std::vector<SignatureBucket> buckets(Database& db, std::int64_t petition_id, std::int64_t width,
                                     std::int64_t since) {
    auto& select = db.prepare(
        "SELECT created_at / ?2 * ?2 AS start, state, COUNT(*) FROM signatures "
        "WHERE petition_id = ?1 AND created_at >= ?3 GROUP BY start, state ORDER BY start");
    select.bind(1, petition_id).bind(2, width).bind(3, since);
    std::vector<SignatureBucket> found;
    while (select.step())
        add_to(found, select.column_int(0), select.column_text(1), select.column_int(2));
    select.reset();
    return found;
}

}  // namespace

CampaignFigures campaign_figures(Database& db, std::int64_t petition_id, std::int64_t now) {
    CampaignFigures figures;
    static constexpr std::array<std::string_view, 5> states{"pending", "confirmed", "quarantined",
                                                            "invalidated", "withdrawn"};
    auto& counts = db.prepare("SELECT state, count FROM signature_counts WHERE petition_id = ?1");
    counts.bind(1, petition_id);
    while (counts.step()) {
        const auto state = counts.column_text(0);
        for (std::size_t i = 0; i < states.size(); ++i)
            if (state == states[i]) figures.by_state[i] = counts.column_int(1);
    }
    counts.reset();

    figures.hours = buckets(db, petition_id, hour, (now / hour - 47) * hour);
    figures.days =
        buckets(db, petition_id, seconds_a_day, (now / seconds_a_day - 119) * seconds_a_day);

    auto& regions = db.prepare(
        "SELECT region, count FROM region_counts WHERE petition_id = ?1 AND count > 0 "
        "ORDER BY count DESC, region");
    regions.bind(1, petition_id);
    while (regions.step())
        figures.by_region.emplace_back(regions.column_text(0), regions.column_int(1));
    regions.reset();

    auto& incidents = db.prepare(
        "SELECT id, state, dimension, opened_ms, quarantined FROM incidents "
        "WHERE petition_id = ?1 ORDER BY opened_ms DESC, id DESC LIMIT 50");
    incidents.bind(1, petition_id);
    while (incidents.step())
        figures.incidents.push_back({incidents.column_int(0), incidents.column_text(1),
                                     incidents.column_text(2), incidents.column_int(3),
                                     incidents.column_int(4)});
    incidents.reset();
    return figures;
}

}  // namespace rempart::store
