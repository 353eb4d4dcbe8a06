// Proposals and their moderation in the store: the submissions table beside the petitions.
#include "store/submission_repository.hpp"

#include <algorithm>

#include <sqlite3.h>

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"
#include "store/petition_repository.hpp"

namespace rempart::store {

SubmissionStage Submission::stage() const {
    switch (petition.state) {
        case PetitionState::rejected:
            return SubmissionStage::rejected;
        case PetitionState::removed:
            return SubmissionStage::removed;
        case PetitionState::pending:
            if (!confirmed_at) return SubmissionStage::unconfirmed;
            if (waiting_since) return SubmissionStage::waiting;
            // Supporters are gathered once, before the queue's first look.
            if (!returned_at && supporters < supporters_needed) return SubmissionStage::gathering;
            return SubmissionStage::returned;
        default:
            return SubmissionStage::published;
    }
}

std::int64_t Submission::waited_at(std::int64_t now) const {
    return waiting_since ? moderation_lag(waited, *waiting_since, now) : waited;
}

namespace {

constexpr std::string_view submission_columns =
    "SELECT s.petition_id, s.author_name, s.author_email, s.author_mailbox, s.proposed_at, "
    "s.confirmed_at, s.waiting_since, s.waited, s.returned_at, s.return_note, s.held_by, "
    "s.held_until, COALESCE(h.email, ''), COALESCE(f.email, ''), s.flag_note, s.decided_at, "
    "COALESCE(d.email, ''), s.reason_id, s.decision_note, s.lag, s.checks, "
    "COALESCE(r.code, ''), COALESCE(r.public_text, ''), COALESCE(r.hidden, 0), s.link_nonce, "
    "s.supporters_needed, (SELECT COUNT(*) FROM proposal_supporters u WHERE u.petition_id = "
    "s.petition_id AND u.confirmed_at IS NOT NULL) "
    "FROM submissions s "
    "LEFT JOIN users h ON h.id = s.held_by LEFT JOIN users f ON f.id = s.flagged_by "
    // A take-down's reason, once it was taken down; the rejection's before.
    "LEFT JOIN users d ON d.id = s.decided_by LEFT JOIN rejection_reasons r ON r.id = "
    "COALESCE((SELECT reason_id FROM take_downs t WHERE t.petition_id = s.petition_id), "
    "s.reason_id) ";

std::optional<Submission> select_submission(Database& db, std::int64_t id) {
    auto& select = db.prepare(std::string(submission_columns) + "WHERE s.petition_id = ?1");
    select.bind(1, id);
    std::optional<Submission> found;
    if (select.step()) {
        Submission s;
        s.petition.id = select.column_int(0);
        s.author_name = select.column_text(1);
        s.author_email = select.column_text(2);
        s.author_mailbox = select.column_text(3);
        s.proposed_at = select.column_int(4);
        s.confirmed_at = select.column_optional_int(5);
        s.waiting_since = select.column_optional_int(6);
        s.waited = select.column_int(7);
        s.returned_at = select.column_optional_int(8);
        s.return_note = select.column_text(9);
        if (const auto holder = select.column_optional_int(10))
            s.hold = Hold{*holder, select.column_optional_int(11).value_or(0)};
        s.held_by = select.column_text(12);
        s.flagged_by = select.column_text(13);
        s.flag_note = select.column_text(14);
        s.decided_at = select.column_optional_int(15);
        s.decided_by = select.column_text(16);
        s.reason_id = select.column_optional_int(17);
        s.decision_note = select.column_text(18);
        s.lag = select.column_optional_int(19);
        s.checks = select.column_text(20);
        s.reason_code = select.column_text(21);
        s.reason_text = select.column_text(22);
        s.reason_hidden = select.column_int(23) != 0;
        s.link_nonce = select.column_text(24);
        s.supporters_needed = select.column_int(25);
        s.supporters = select.column_int(26);
        found = std::move(s);
    }
    select.reset();
    if (!found) return found;
    auto petition = find_petition_by_id(db, found->petition.id);
    if (!petition) return std::nullopt;
    found->petition = std::move(*petition);
    return found;
}

bool slug_free(Database& db, std::string_view slug) {
    auto& select = db.prepare("SELECT 1 FROM petitions WHERE slug = ?1");
    select.bind(1, slug);
    const bool taken = select.step();
    select.reset();
    return !taken;
}

// The slug itself when free, else the first free "<slug>-<n>", cut to fit the limit.
std::optional<std::string> free_slug(Database& db, const std::string& slug) {
    if (slug_free(db, slug)) return slug;
    const PetitionLimits limits;
    for (int n = 2; n < 1000; ++n) {
        const auto suffix = "-" + std::to_string(n);
        auto base = slug.substr(0, std::min(slug.size(), limits.slug_max - suffix.size()));
        while (!base.empty() && base.back() == '-') base.pop_back();
        const auto candidate = base + suffix;
        if (slug_free(db, candidate)) return candidate;
    }
    return std::nullopt;
}

Result<void> changed_one(Database& db, Statement& statement) {
    if (auto ran = statement.run(); !ran) return ran.error();
    if (db.changes() != 1)
        return make_error(ModerationError::not_waiting, "the proposal moved meanwhile");
    return {};
}

}  // namespace

Result<Submission> insert_submission(Database& db, const NewSubmission& proposal,
                                     std::int64_t now) {
    auto draft = proposal.draft;
    const auto slug = free_slug(db, draft.slug);
    if (!slug)
        return make_error(PetitionError::slug_taken,
                          "every variant of the slug '" + draft.slug + "' is taken");
    draft.slug = *slug;
    auto petition = insert_petition(db, draft, now, PetitionState::pending);
    if (!petition) return petition.error();
    auto& insert = db.prepare(
        "INSERT INTO submissions (petition_id, author_name, author_email, author_mailbox, "
        "link_nonce, proposed_at, checks) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, petition->id).bind(2, proposal.author_name).bind(3, proposal.author_email);
    insert.bind(4, proposal.author_mailbox).bind(5, proposal.link_nonce).bind(6, now);
    insert.bind(7, proposal.checks);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    auto stored = find_submission(db, petition->id);
    if (!stored) return make_error(PetitionError::not_found, "the new proposal vanished");
    return std::move(*stored);
}

std::optional<Submission> find_submission(Database& db, std::int64_t petition_id) {
    return select_submission(db, petition_id);
}

std::vector<Submission> submissions_of_mailbox(Database& db, std::string_view mailbox) {
    auto& select = db.prepare(
        "SELECT petition_id FROM submissions WHERE author_mailbox = ?1 "
        "ORDER BY proposed_at DESC, petition_id DESC LIMIT 20");
    select.bind(1, mailbox);
    std::vector<std::int64_t> ids;
    while (select.step()) ids.push_back(select.column_int(0));
    select.reset();
    std::vector<Submission> found;
    for (const auto id : ids)
        if (auto submission = find_submission(db, id)) found.push_back(std::move(*submission));
    return found;
}

Result<void> replace_author_link(Database& db, std::int64_t petition_id, std::string_view nonce) {
    auto& update = db.prepare("UPDATE submissions SET link_nonce = ?2 WHERE petition_id = ?1");
    update.bind(1, petition_id).bind(2, nonce);
    return update.run();
}

Result<Submission> confirm_submission(Database& db, std::int64_t petition_id, std::int64_t now,
                                      std::int64_t supporters_needed) {
    auto submission = find_submission(db, petition_id);
    if (!submission)
        return make_error(PetitionError::not_found, "no proposal " + std::to_string(petition_id));
    if (submission->stage() != SubmissionStage::unconfirmed) return std::move(*submission);
    auto& update = db.prepare(
        "UPDATE submissions SET confirmed_at = ?2, supporters_needed = ?3, "
        "waiting_since = CASE WHEN ?3 > 0 THEN NULL ELSE ?2 END "
        "WHERE petition_id = ?1 AND confirmed_at IS NULL");
    update.bind(1, petition_id).bind(2, now).bind(3, std::max<std::int64_t>(0, supporters_needed));
    if (auto changed = changed_one(db, update); !changed) return changed.error();
    return std::move(*find_submission(db, petition_id));
}

Result<std::vector<FieldChange>> edit_submission(Database& db, std::int64_t petition_id,
                                                 const PetitionDraft& draft,
                                                 std::string_view checks, std::int64_t now) {
    const auto submission = find_submission(db, petition_id);
    if (!submission)
        return make_error(PetitionError::not_found, "no proposal " + std::to_string(petition_id));
    const auto stage = submission->stage();
    if (stage != SubmissionStage::unconfirmed && stage != SubmissionStage::waiting &&
        stage != SubmissionStage::returned)
        return make_error(ModerationError::not_waiting,
                          "a decided proposal is no longer its author's to edit");
    auto kept = draft;
    kept.slug = submission->petition.slug;  // its address was mailed already
    auto changes =
        update_petition(db, petition_id, kept, ChangeAuthor{std::nullopt, "author"}, now);
    if (!changes) return changes.error();
    auto& update = db.prepare(
        "UPDATE submissions SET checks = ?2, "
        "waiting_since = CASE WHEN ?3 THEN ?4 ELSE waiting_since END, "
        "returned_at = CASE WHEN ?3 THEN NULL ELSE returned_at END WHERE petition_id = ?1");
    update.bind(1, petition_id).bind(2, checks);
    update.bind(3, std::int64_t{stage == SubmissionStage::returned ? 1 : 0}).bind(4, now);
    if (auto updated = update.run(); !updated) return updated.error();
    return changes;
}

std::vector<QueuedProposal> moderation_queue(Database& db, std::int64_t now, std::size_t limit) {
    // Longest waiting first: the time already waited before a return counts, so a proposal
    // sent back and corrected does not start again at the back of the queue.
    auto& select = db.prepare(
        "SELECT s.petition_id, p.slug, p.title, s.waiting_since, s.waited + (?1 - "
        "s.waiting_since), "
        "CASE WHEN s.held_until > ?1 THEN s.held_by END, s.held_until, COALESCE(u.email, ''), "
        "s.flag_note, s.checks FROM submissions s JOIN petitions p ON p.id = s.petition_id "
        "LEFT JOIN users u ON u.id = s.held_by AND s.held_until > ?1 "
        "WHERE s.waiting_since IS NOT NULL AND s.decided_at IS NULL AND s.set_aside = 0 "
        "ORDER BY s.waiting_since - s.waited, s.petition_id LIMIT ?2");
    select.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
    std::vector<QueuedProposal> queue;
    while (select.step()) {
        QueuedProposal row;
        row.petition_id = select.column_int(0);
        row.slug = select.column_text(1);
        row.title = select.column_text(2);
        row.waiting_since = select.column_int(3);
        row.waited = select.column_int(4);
        if (const auto holder = select.column_optional_int(5))
            row.hold = Hold{*holder, select.column_int(6)};
        row.held_by = select.column_text(7);
        row.flag_note = select.column_text(8);
        row.checks = select.column_text(9);
        queue.push_back(std::move(row));
    }
    select.reset();
    return queue;
}

std::int64_t count_waiting(Database& db) {
    // Counted in the queue's index, then what the defence set aside taken off through its
    // own: asking for `set_aside = 0` would read every waiting row from the table.
    auto& select = db.prepare(
        "SELECT (SELECT COUNT(*) FROM submissions WHERE waiting_since IS NOT NULL AND decided_at "
        "IS NULL) - (SELECT COUNT(*) FROM submissions WHERE set_aside_by IS NOT NULL AND "
        "set_aside = 1 AND waiting_since IS NOT NULL AND decided_at IS NULL)");
    const auto count = select.step() ? select.column_int(0) : 0;
    select.reset();
    return count;
}

std::int64_t count_overdue(Database& db, std::int64_t now, std::int64_t overdue_after) {
    // As count_waiting: the queue's index (waited >= overdue_after), less what is set aside.
    auto& select = db.prepare(
        "SELECT (SELECT COUNT(*) FROM submissions WHERE waiting_since IS NOT NULL AND decided_at "
        "IS NULL AND waiting_since - waited <= ?1 - ?2) - (SELECT COUNT(*) FROM submissions "
        "WHERE set_aside_by IS NOT NULL AND set_aside = 1 AND waiting_since IS NOT NULL AND "
        "decided_at IS NULL AND waiting_since - waited <= ?1 - ?2)");
    select.bind(1, now).bind(2, overdue_after);
    const auto count = select.step() ? select.column_int(0) : 0;
    select.reset();
    return count;
}

Result<Submission> moderate(Database& db, std::int64_t petition_id,
                            const ModerationDecision& decision, const ModerationRules& rules,
                            std::int64_t now) {
    const auto submission = find_submission(db, petition_id);
    if (!submission)
        return make_error(PetitionError::not_found, "no proposal " + std::to_string(petition_id));
    if (auto allowed = may_moderate(submission->stage(), submission->hold, decision.user_id, now);
        !allowed)
        return allowed.error();
    const auto lag = submission->waited_at(now);
    switch (decision.step) {
        case ModerationStep::hold: {
            auto& update = db.prepare(
                "UPDATE submissions SET held_by = ?2, held_until = ?3 WHERE petition_id = ?1");
            update.bind(1, petition_id).bind(2, decision.user_id);
            update.bind(3, now + rules.hold_minutes * 60);
            if (auto changed = changed_one(db, update); !changed) return changed.error();
            break;
        }
        case ModerationStep::flag: {
            auto& update = db.prepare(
                "UPDATE submissions SET flagged_by = ?2, flag_note = ?3, held_by = NULL, "
                "held_until = NULL WHERE petition_id = ?1");
            update.bind(1, petition_id).bind(2, decision.user_id).bind(3, decision.note);
            if (auto changed = changed_one(db, update); !changed) return changed.error();
            break;
        }
        case ModerationStep::send_back: {
            auto& update = db.prepare(
                "UPDATE submissions SET waited = ?2, waiting_since = NULL, returned_at = ?3, "
                "return_note = ?4, held_by = NULL, held_until = NULL WHERE petition_id = ?1");
            update.bind(1, petition_id).bind(2, lag).bind(3, now).bind(4, decision.note);
            if (auto changed = changed_one(db, update); !changed) return changed.error();
            break;
        }
        case ModerationStep::approve:
        case ModerationStep::reject: {
            const bool approve = decision.step == ModerationStep::approve;
            if (!approve) {
                if (!decision.reason_id)
                    return make_error(ModerationError::reason_required,
                                      "a rejection needs a reason");
                auto& reason = db.prepare(
                    "SELECT 1 FROM rejection_reasons WHERE id = ?1 AND retired_at IS NULL");
                reason.bind(1, *decision.reason_id);
                const bool known = reason.step();
                reason.reset();
                if (!known)
                    return make_error(ModerationError::reason_unknown,
                                      "no reason " + std::to_string(*decision.reason_id));
            }
            auto& update = db.prepare(
                "UPDATE submissions SET decided_at = ?2, decided_by = ?3, reason_id = ?4, "
                "decision_note = ?5, lag = ?6, held_by = NULL, held_until = NULL "
                "WHERE petition_id = ?1 AND decided_at IS NULL");
            update.bind(1, petition_id).bind(2, now).bind(3, decision.user_id);
            update.bind(4, approve ? std::nullopt : decision.reason_id).bind(5, decision.note);
            update.bind(6, lag);
            if (auto changed = changed_one(db, update); !changed) return changed.error();
            auto& state = db.prepare(
                "UPDATE petitions SET state = ?2, updated_at = ?3, "
                "published_at = CASE WHEN ?2 = 'published' THEN ?3 ELSE published_at END "
                "WHERE id = ?1 AND state = 'pending'");
            state.bind(1, petition_id).bind(2, approve ? "published" : "rejected").bind(3, now);
            if (auto changed = changed_one(db, state); !changed) return changed.error();
            break;
        }
    }
    return std::move(*find_submission(db, petition_id));
}

std::vector<std::int64_t> lags_since(Database& db, std::int64_t since) {
    auto& select =
        db.prepare("SELECT lag FROM submissions WHERE decided_at >= ?1 AND lag IS NOT NULL");
    select.bind(1, since);
    std::vector<std::int64_t> lags;
    while (select.step()) lags.push_back(select.column_int(0));
    select.reset();
    return lags;
}

}  // namespace rempart::store
