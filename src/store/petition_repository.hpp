// Petitions in the store: insert, edit with their history, list, find, move through states.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/lifecycle.hpp"
#include "petitions/petition.hpp"
#include "store/database.hpp"

namespace rempart::store {

// The draft must be validated already. A slug in use gives PetitionError::slug_taken. The
// command line and the demo publish at once; the back office starts with a draft.
Result<Petition> insert_petition(Database& db, const PetitionDraft& draft, std::int64_t now,
                                 PetitionState state = PetitionState::published);
// Every petition, drafts included, newest first.
std::vector<Petition> list_petitions(Database& db);
// How many of the latest public signers a petition's page shows.
inline constexpr int latest_signers_shown = 5;
// What visitors may see (drafts left out), newest first, with the latest public signers:
// the public catalog.
std::vector<Petition> list_public_petitions(Database& db);
std::optional<Petition> find_petition(Database& db, std::string_view slug);
std::optional<Petition> find_petition_by_id(Database& db, std::int64_t id);
// The same with its signatures by region, read now: for answers that must be exact.
std::optional<Petition> find_petition_with_counts(Database& db, std::string_view slug);
// PetitionError::not_found when no petition has this slug.
Result<void> set_petition_state(Database& db, std::string_view slug, PetitionState state,
                                std::int64_t now);

// Who changes a petition, for its history.
struct ChangeAuthor {
    std::optional<std::int64_t> user_id;
    std::string actor;  // the account's e-mail, or "cli"
};

// Writes the validated draft over the petition and one history row per changed field;
// returns the changes (none: nothing was written). The slug of a petition no longer a draft
// cannot change (PetitionError::slug_locked); a slug in use gives slug_taken.
Result<std::vector<FieldChange>> update_petition(Database& db, std::int64_t id,
                                                 const PetitionDraft& draft,
                                                 const ChangeAuthor& author, std::int64_t now);

// Takes one step (publish, close, archive) and returns the petition as it now is;
// PetitionError::state_conflict when the petition is not where the step starts.
Result<Petition> take_petition_step(Database& db, std::int64_t id, PetitionStep step,
                                    std::int64_t now);

// Closes the published petitions whose end date has passed; returns their slugs.
std::vector<std::string> close_ended_petitions(Database& db, std::int64_t now);

// A draft's private preview link: its key (the SHA-256 of the token in the link) is kept,
// replacing any earlier one, and dropped at publication.
Result<void> set_preview_key(Database& db, std::int64_t id, std::string_view key);
std::optional<Petition> find_petition_by_preview_key(Database& db, std::string_view key);
// The target's private link to answer (its SHA-256 as `key`): a new one stops the old one.
// Only for a published or closed petition (PetitionError::news_not_public otherwise).
Result<void> set_answer_key(Database& db, std::int64_t id, std::string_view key);
std::optional<Petition> find_petition_by_answer_key(Database& db, std::string_view key);

// One row of the back office's list.
struct PetitionOverview {
    Petition petition;
    std::int64_t pending = 0;        // signatures waiting for their confirmation
    std::int64_t last_activity = 0;  // Unix seconds: the last signature, or the last change
};
std::vector<PetitionOverview> petition_overviews(Database& db);

// A change as the history shows it.
struct PetitionChange {
    std::int64_t at = 0;
    std::string actor;
    FieldChange change;
    bool is_public = false;  // made after publication
};
// Oldest first; `public_only` for the petition's public history.
std::vector<PetitionChange> petition_history(Database& db, std::int64_t id, bool public_only);

// The petition is won, from `now` (its victory news was sent); a second time changes nothing.
Result<void> mark_petition_won(Database& db, std::int64_t id, std::int64_t now);

}  // namespace rempart::store
