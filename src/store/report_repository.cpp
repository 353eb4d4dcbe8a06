// Reports and take-downs in the store.
#include "store/report_repository.hpp"

#include <sqlite3.h>

#include "petitions/errors.hpp"
#include "petitions/moderation.hpp"

namespace rempart::store {
namespace {

constexpr std::int64_t latest_shown = 5;

void read_latest(Database& db, ReportedPetition& reported) {
    auto& select = db.prepare(
        "SELECT at, reason, network FROM petition_reports WHERE petition_id = ?1 AND "
        "handled_at IS NULL AND set_aside = 0 ORDER BY at DESC, id DESC LIMIT ?2");
    select.bind(1, reported.petition_id).bind(2, latest_shown);
    while (select.step())
        reported.latest.push_back(
            {select.column_int(0), select.column_text(1), select.column_text(2)});
    select.reset();
}

constexpr std::string_view reported_columns =
    "SELECT p.id, p.slug, p.title, COUNT(*), COUNT(DISTINCT r.network), MIN(r.at) "
    "FROM petition_reports r JOIN petitions p ON p.id = r.petition_id "
    "WHERE r.handled_at IS NULL AND r.set_aside = 0 ";

ReportedPetition read_reported(const Statement& row) {
    ReportedPetition reported;
    reported.petition_id = row.column_int(0);
    reported.slug = row.column_text(1);
    reported.title = row.column_text(2);
    reported.open_reports = row.column_int(3);
    reported.networks = row.column_int(4);
    reported.first_at = row.column_int(5);
    return reported;
}

}  // namespace

Result<std::int64_t> insert_report(Database& db, std::int64_t petition_id, std::string_view reason,
                                   std::string_view network, std::int64_t now) {
    auto& insert = db.prepare(
        "INSERT INTO petition_reports (petition_id, at, reason, network) SELECT id, ?2, ?3, ?4 "
        "FROM petitions WHERE id = ?1 AND state IN ('published', 'closed')");
    insert.bind(1, petition_id).bind(2, now).bind(3, reason).bind(4, network);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    if (db.changes() == 0)
        return make_error(PetitionError::not_found,
                          "no public petition " + std::to_string(petition_id));
    return db.last_insert_id();
}

std::vector<ReportedPetition> reported_petitions(Database& db, std::size_t limit) {
    auto& select = db.prepare(std::string(reported_columns) +
                              "GROUP BY p.id ORDER BY MIN(r.at), p.id LIMIT ?1");
    select.bind(1, static_cast<std::int64_t>(limit));
    std::vector<ReportedPetition> found;
    while (select.step()) found.push_back(read_reported(select));
    select.reset();
    for (auto& reported : found) read_latest(db, reported);
    return found;
}

std::int64_t count_reported(Database& db) {
    auto& select = db.prepare(
        "SELECT COUNT(DISTINCT petition_id) FROM petition_reports WHERE handled_at IS NULL AND "
        "set_aside = 0");
    const auto count = select.step() ? select.column_int(0) : 0;
    select.reset();
    return count;
}

std::optional<ReportedPetition> reports_of(Database& db, std::int64_t petition_id) {
    auto& select = db.prepare(std::string(reported_columns) + "AND p.id = ?1 GROUP BY p.id");
    select.bind(1, petition_id);
    std::optional<ReportedPetition> found;
    if (select.step()) found = read_reported(select);
    select.reset();
    if (found) read_latest(db, *found);
    return found;
}

Result<std::int64_t> dismiss_reports(Database& db, std::int64_t petition_id, std::int64_t user_id,
                                     std::int64_t now) {
    auto& update = db.prepare(
        "UPDATE petition_reports SET handled_at = ?2, handled_by = ?3 "
        "WHERE petition_id = ?1 AND handled_at IS NULL");
    update.bind(1, petition_id).bind(2, now).bind(3, user_id);
    if (auto updated = update.run(); !updated) return updated.error();
    return db.changes();
}

Result<TakeDown> take_down(Database& db, std::int64_t petition_id, std::int64_t user_id,
                           std::int64_t reason_id, std::string_view note, std::int64_t now) {
    TakeDown done;
    auto& reason = db.prepare(
        "SELECT code, public_text FROM rejection_reasons WHERE id = ?1 AND retired_at IS NULL");
    reason.bind(1, reason_id);
    const bool known = reason.step();
    if (known) {
        done.reason_code = reason.column_text(0);
        done.reason_text = reason.column_text(1);
    }
    reason.reset();
    if (!known)
        return make_error(ModerationError::reason_unknown,
                          "no reason " + std::to_string(reason_id));
    done.petition_id = petition_id;
    auto& petition = db.prepare(
        "SELECT p.slug, p.title, p.language, COALESCE(s.author_email, ''), "
        "COALESCE(s.link_nonce, '') FROM petitions p LEFT JOIN submissions s "
        "ON s.petition_id = p.id WHERE p.id = ?1 AND p.state IN ('published', 'closed')");
    petition.bind(1, petition_id);
    const bool found = petition.step();
    if (found) {
        done.slug = petition.column_text(0);
        done.title = petition.column_text(1);
        done.language = petition.column_text(2);
        done.author_email = petition.column_text(3);
        done.author_nonce = petition.column_text(4);
    }
    petition.reset();
    if (!found)
        return make_error(PetitionError::state_conflict,
                          "only a published or closed petition can be taken down");
    // A removed petition takes no more signatures: [retention] counts from now, as for a
    // closed one.
    auto& state = db.prepare(
        "UPDATE petitions SET state = 'removed', updated_at = ?2, "
        "closed_at = COALESCE(closed_at, ?2) WHERE id = ?1");
    state.bind(1, petition_id).bind(2, now);
    if (auto updated = state.run(); !updated) return updated.error();
    auto& insert = db.prepare(
        "INSERT INTO take_downs (petition_id, at, by_user, reason_id, note) VALUES "
        "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (petition_id) DO UPDATE SET at = ?2, by_user = ?3, "
        "reason_id = ?4, note = ?5");
    insert.bind(1, petition_id).bind(2, now).bind(3, user_id).bind(4, reason_id).bind(5, note);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    auto handled = dismiss_reports(db, petition_id, user_id, now);
    if (!handled) return handled.error();
    done.reports_handled = *handled;
    return done;
}

}  // namespace rempart::store
