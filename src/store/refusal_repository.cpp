// Summaries of refused signing attempts in the store.
#include "store/refusal_repository.hpp"

namespace rempart::store {

using signatures::RefusalSummary;

Result<void> record_refusals(Database& db, const std::vector<RefusalSummary>& summaries) {
    auto& upsert = db.prepare(
        "INSERT INTO signing_refusals (petition_id, minute_ms, network, verdict, asn, attempts, "
        "first_ms, last_ms, sample_ip, sample_user_agent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10) ON CONFLICT (petition_id, minute_ms, network, verdict) DO UPDATE SET "
        "attempts = attempts + excluded.attempts, first_ms = MIN(first_ms, excluded.first_ms), "
        "last_ms = MAX(last_ms, excluded.last_ms), asn = COALESCE(asn, excluded.asn)");
    for (const auto& s : summaries) {
        upsert.bind(1, s.petition_id).bind(2, s.minute_ms).bind(3, std::string_view(s.network));
        upsert.bind(4, std::string_view(s.verdict)).bind(5, s.asn).bind(6, s.attempts);
        upsert.bind(7, s.first_ms).bind(8, s.last_ms).bind(9, std::string_view(s.sample_ip));
        upsert.bind(10, std::string_view(s.sample_user_agent));
        if (auto ran = upsert.run(); !ran) return ran;
    }
    return {};
}

std::vector<RefusalSummary> refusals_between(Database& db, std::int64_t petition_id,
                                             std::int64_t from_ms, std::int64_t to_ms) {
    auto& select = db.prepare(
        "SELECT minute_ms, network, asn, verdict, attempts, first_ms, last_ms, sample_ip, "
        "sample_user_agent FROM signing_refusals WHERE petition_id = ?1 AND minute_ms <= ?3 "
        "AND minute_ms + 60000 > ?2 ORDER BY minute_ms, network, verdict");
    select.bind(1, petition_id).bind(2, from_ms).bind(3, to_ms);
    std::vector<RefusalSummary> out;
    while (select.step()) {
        RefusalSummary s;
        s.petition_id = petition_id;
        s.minute_ms = select.column_int(0);
        s.network = select.column_text(1);
        s.asn = select.column_optional_int(2);
        s.verdict = select.column_text(3);
        s.attempts = select.column_int(4);
        s.first_ms = select.column_int(5);
        s.last_ms = select.column_int(6);
        s.sample_ip = select.column_text(7);
        s.sample_user_agent = select.column_text(8);
        out.push_back(std::move(s));
    }
    select.reset();
    return out;
}

}  // namespace rempart::store
