// The supporters a proposal gathers before the queue.
#include "store/supporter_repository.hpp"

#include <sqlite3.h>

#include "petitions/errors.hpp"
#include "store/submission_repository.hpp"

namespace rempart::store {

Result<bool> add_supporter(Database& db, const NewSupporter& supporter, std::int64_t now) {
    const auto submission = find_submission(db, supporter.petition_id);
    if (!submission || submission->stage() != SubmissionStage::gathering)
        return make_error(PetitionError::not_found, "no proposal gathering supporters: " +
                                                        std::to_string(supporter.petition_id));
    auto& insert = db.prepare(
        "INSERT OR IGNORE INTO proposal_supporters (petition_id, name, mailbox, token_hash, "
        "supported_at) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, supporter.petition_id).bind(2, supporter.name).bind(3, supporter.mailbox);
    insert.bind(4, supporter.token_hash).bind(5, now);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.changes() > 0;
}

Result<ConfirmedSupport> confirm_support(Database& db, std::string_view token_hash,
                                         std::int64_t now) {
    auto& find = db.prepare("SELECT petition_id FROM proposal_supporters WHERE token_hash = ?1");
    find.bind(1, token_hash);
    const auto petition = find.step() ? find.column_optional_int(0) : std::nullopt;
    find.reset();
    if (!petition) return make_error(PetitionError::not_found, "no such support");
    auto& confirm = db.prepare(
        "UPDATE proposal_supporters SET confirmed_at = ?2 WHERE token_hash = ?1 AND "
        "confirmed_at IS NULL");
    confirm.bind(1, token_hash).bind(2, now);
    if (auto done = confirm.run(); !done) return done.error();
    const auto before = find_submission(db, *petition);
    if (!before) return make_error(PetitionError::not_found, "no such proposal");
    ConfirmedSupport confirmed{*petition, before->supporters, before->supporters_needed, false};
    // The last one needed: the proposal enters the queue now.
    if (before->petition.state == PetitionState::pending && before->supporters_needed > 0 &&
        before->supporters >= before->supporters_needed) {
        auto& queue = db.prepare(
            "UPDATE submissions SET waiting_since = ?2 WHERE petition_id = ?1 AND "
            "waiting_since IS NULL AND returned_at IS NULL AND decided_at IS NULL");
        queue.bind(1, *petition).bind(2, now);
        if (auto done = queue.run(); !done) return done.error();
        confirmed.entered_queue = db.changes() > 0;
        // Counted: who supported is needed no more. The rows stay, to count.
        auto& erase = db.prepare(
            "UPDATE proposal_supporters SET name = '', mailbox = 'erased-' || id WHERE "
            "petition_id = ?1");
        erase.bind(1, *petition);
        if (auto done = erase.run(); !done) return done.error();
    }
    return confirmed;
}

}  // namespace rempart::store
