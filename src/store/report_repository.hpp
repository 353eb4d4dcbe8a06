// Reports from the public on a petition, and taking a published petition down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace rempart::store {

// A report on a petition visitors can see (published or closed); PetitionError::not_found
// for any other. Returns the report's id.
Result<std::int64_t> insert_report(Database& db, std::int64_t petition_id, std::string_view reason,
                                   std::string_view network, std::int64_t now);

struct Report {
    std::int64_t at = 0;
    std::string reason;
    std::string network;
};

// A petition with reports no moderator has handled yet.
struct ReportedPetition {
    std::int64_t petition_id = 0;
    std::string slug;
    std::string title;
    std::int64_t open_reports = 0;
    std::int64_t networks = 0;   // how many networks they came from
    std::int64_t first_at = 0;   // the oldest open report
    std::vector<Report> latest;  // a few, newest first
};
// Oldest open report first, at most `limit`.
// Reports the defence set aside are left out until released (submission_holds).
std::vector<ReportedPetition> reported_petitions(Database& db, std::size_t limit);
std::int64_t count_reported(Database& db);
std::optional<ReportedPetition> reports_of(Database& db, std::int64_t petition_id);

// The open reports handled without action; returns how many.
Result<std::int64_t> dismiss_reports(Database& db, std::int64_t petition_id, std::int64_t user_id,
                                     std::int64_t now);

struct TakeDown {
    std::int64_t petition_id = 0;
    std::string slug;
    std::string title;
    std::string language;
    std::int64_t reports_handled = 0;
    std::string reason_code;  // the reason's, as RejectionReason has them
    std::string reason_text;
    // The author to tell, when the petition was proposed on the web.
    std::string author_email;
    std::string author_nonce;
};
// A published or closed petition becomes `removed`, with its reason (one of the list, not
// retired); its open reports are handled. PetitionError::state_conflict for any other
// state, ModerationError::reason_unknown for a reason not on the list.
Result<TakeDown> take_down(Database& db, std::int64_t petition_id, std::int64_t user_id,
                           std::int64_t reason_id, std::string_view note, std::int64_t now);

}  // namespace rempart::store
