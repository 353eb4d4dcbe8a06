// Moderating proposed petitions: where a proposal stands in the queue, who may act on it,
// and how long moderators took; pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart {

enum class ModerationError {
    not_waiting,      // decided already, or with its author: nothing to moderate
    held_by_other,    // another moderator holds it
    reason_required,  // a rejection names one of the admins' reasons
    reason_unknown,   // that reason is not on the list (or retired)
    note_required,    // sending back says what to change
    note_too_long,
    reason_of_the_site,  // a seeded reason keeps the site's words: it is retired, not edited
};

constexpr std::string_view error_name(ModerationError error) {
    switch (error) {
        case ModerationError::not_waiting:
            return "moderation.not_waiting";
        case ModerationError::held_by_other:
            return "moderation.held_by_someone";
        case ModerationError::reason_required:
            return "moderation.reason_required";
        case ModerationError::reason_unknown:
            return "moderation.reason_unknown";
        case ModerationError::note_required:
            return "moderation.note_required";
        case ModerationError::note_too_long:
            return "moderation.note_too_long";
        case ModerationError::reason_of_the_site:
            return "moderation.reason_of_the_site";
    }
    return "moderation.unknown";
}

// The queue's promises, from [submissions].
struct ModerationRules {
    std::int64_t overdue_after_days = 14;         // a decision is owed within this
    std::int64_t nearly_overdue_after_days = 10;  // the queue warns from here
    std::int64_t hold_minutes = 30;               // a hold lapses after this
};

enum class QueueStanding { on_time, nearly_overdue, overdue };
std::string_view to_string(QueueStanding standing);

// `waited`: seconds in the queue, time spent back with its author left out.
QueueStanding standing_of(std::int64_t waited, const ModerationRules& rules);

// Where a proposal is, read from its row.
enum class SubmissionStage {
    unconfirmed,  // the author has not confirmed by mail yet
    gathering,    // confirmed, and waiting for the supporters the site asks for first
    waiting,      // in the queue
    returned,     // sent back to its author with a note
    published,    // approved (and maybe closed or archived since)
    rejected,
    removed,  // taken down after publication
};
std::string_view to_string(SubmissionStage stage);

enum class ModerationStep { hold, approve, reject, send_back, flag };
std::string_view to_string(ModerationStep step);
std::optional<ModerationStep> parse_moderation_step(std::string_view text);

// A live hold: who, until when (Unix seconds).
struct Hold {
    std::int64_t user_id = 0;
    std::int64_t until = 0;
};

// Whether `user_id` may take a step (any of them) now. Only a waiting proposal is
// moderated; a live hold by someone else stops every step (its holder is working on it), a
// lapsed one stops none.
Result<void> may_moderate(SubmissionStage stage, std::optional<Hold> hold, std::int64_t user_id,
                          std::int64_t now);

// The moderators' note to an author or a colleague: required to send back, at most 2,000
// characters. The reason of a rejection is checked against the list by the store.
inline constexpr std::size_t moderation_note_max = 2000;

// Seconds from entering the queue to the decision, time back with the author left out.
std::int64_t moderation_lag(std::int64_t waited_before, std::int64_t waiting_since,
                            std::int64_t now);

// The queue page's figure: how long decisions took, over the lags given.
struct LagFigures {
    std::size_t decisions = 0;
    std::int64_t median = 0;         // seconds
    std::int64_t slowest_tenth = 0;  // the 90th percentile, seconds
};
LagFigures lag_figures(std::vector<std::int64_t> lags);

// "2026-12-07": the UTC day of `now` (Unix seconds), as the digest remembers its last one.
std::string utc_day(std::int64_t now);

// Whether the moderators' daily digest is due: from `hour` (UTC) on a day it was not sent
// yet (`last_day`, utc_day's form, empty when never); never for an hour of -1.
bool digest_due(std::int64_t now, std::string_view last_day, std::int64_t hour);

}  // namespace rempart
