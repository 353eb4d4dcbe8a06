// Petitions proposed on the web in the store: the proposal, its author's confirmation and
// edits, the moderation queue and each moderator's step.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/lifecycle.hpp"
#include "petitions/moderation.hpp"
#include "petitions/petition.hpp"
#include "store/database.hpp"
#include "store/reason_repository.hpp"

namespace rempart::store {

struct NewSubmission {
    PetitionDraft draft;  // validated; its slug is taken as a start (see insert_submission)
    std::string author_name;
    std::string author_email;    // as the author typed it, for mails
    std::string author_mailbox;  // its canonical form
    std::string link_nonce;      // the author's private link's (petitions/author_link)
    std::string checks;          // the automatic checks' flags, JSON
};

// A proposal as the author's page and the moderators see it: every field, whatever its state.
struct Submission {
    Petition petition;
    std::string author_name;
    std::string author_email;
    std::string author_mailbox;
    std::string link_nonce;
    std::int64_t proposed_at = 0;  // Unix seconds, as every time here
    std::optional<std::int64_t> confirmed_at;
    std::optional<std::int64_t> waiting_since;
    std::int64_t waited = 0;  // seconds in the queue before the last return
    std::optional<std::int64_t> returned_at;
    std::string return_note;
    std::optional<Hold> hold;  // as stored: it may have lapsed
    std::string held_by;       // the holder's e-mail
    std::string flagged_by;    // who asked for a second opinion, while asked
    std::string flag_note;
    std::optional<std::int64_t> decided_at;
    std::string decided_by;
    std::optional<std::int64_t> reason_id;
    std::string reason_code;  // the reason's, when rejected or taken down (see RejectionReason)
    std::string reason_text;
    bool reason_hidden = false;
    std::string decision_note;
    std::optional<std::int64_t> lag;
    std::string checks;
    std::int64_t supporters_needed = 0;  // as the site asked when the author confirmed
    std::int64_t supporters = 0;         // who confirmed their support

    SubmissionStage stage() const;
    // Seconds in the queue at `now`, time back with the author left out.
    std::int64_t waited_at(std::int64_t now) const;
};

// Inserts the petition as `pending` and its submission. A slug in use (any petition's,
// rejected ones included) gets the first free "-2", "-3"...: two people may well propose
// "sauvons-la-piscine".
Result<Submission> insert_submission(Database& db, const NewSubmission& proposal, std::int64_t now);

std::optional<Submission> find_submission(Database& db, std::int64_t petition_id);

// Every proposal whose author has this canonical address, newest first: for re-sending links.
std::vector<Submission> submissions_of_mailbox(Database& db, std::string_view mailbox);

// A new private link for the author (its new nonce): the old ones stop working.
Result<void> replace_author_link(Database& db, std::int64_t petition_id, std::string_view nonce);

// The author confirms by mail: the proposal enters the queue, or first waits for
// `supporters_needed` supporters (store/supporter_repository). A second time does nothing.
// ModerationError::not_waiting when it is no longer the author's to confirm.
Result<Submission> confirm_submission(Database& db, std::int64_t petition_id, std::int64_t now,
                                      std::int64_t supporters_needed = 0);

// The author's correction while the proposal is unconfirmed, waiting or sent back; a proposal
// sent back goes to the queue again, behind the time it had already waited. Every changed
// field is kept in the petition's history under "author". Returns the changes (none: nothing
// written but the return to the queue).
Result<std::vector<FieldChange>> edit_submission(Database& db, std::int64_t petition_id,
                                                 const PetitionDraft& draft,
                                                 std::string_view checks, std::int64_t now);

// One line of the moderation queue.
struct QueuedProposal {
    std::int64_t petition_id = 0;
    std::string slug;
    std::string title;
    std::int64_t waiting_since = 0;
    std::int64_t waited = 0;   // at the time asked, returns left out
    std::optional<Hold> hold;  // live holds only
    std::string held_by;
    std::string flag_note;  // non-empty: a second opinion is asked
    std::string checks;     // JSON flags
};
// Waiting proposals, longest waiting first, at most `limit`. Those the defence set aside
// are left out of the queue and of every count until released (submission_holds).
std::vector<QueuedProposal> moderation_queue(Database& db, std::int64_t now, std::size_t limit);
std::int64_t count_waiting(Database& db);
// Waiting proposals that have waited `overdue_after` seconds or more at `now`.
std::int64_t count_overdue(Database& db, std::int64_t now, std::int64_t overdue_after);

// A moderator's step on a waiting proposal.
struct ModerationDecision {
    ModerationStep step = ModerationStep::hold;
    std::int64_t user_id = 0;
    std::optional<std::int64_t> reason_id;  // reject
    std::string note;                       // return (required), reject, flag
};

// Takes the step when petitions/moderation's may_moderate allows it, and returns the
// proposal as it now is. A hold lasts rules.hold_minutes; approving publishes the petition;
// rejecting needs a reason on the list; each decision records its lag.
Result<Submission> moderate(Database& db, std::int64_t petition_id,
                            const ModerationDecision& decision, const ModerationRules& rules,
                            std::int64_t now);

// The lags (seconds) of the decisions taken since `since`.
std::vector<std::int64_t> lags_since(Database& db, std::int64_t since);

}  // namespace rempart::store
