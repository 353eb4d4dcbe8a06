// Petitions in the store: insert, edit with their history, list, find, move through states.
#include "store/petition_repository.hpp"

#include <functional>
#include <unordered_map>

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"
#include "store/detail/petition_rows.hpp"
#include "store/errors.hpp"

namespace rempart::store {

// The count comes from the table the triggers keep: one row read, whatever the number.
const std::string_view petition_columns =
    "SELECT id, slug, title, summary, body_markdown, goal, state, created_at, "
    "COALESCE((SELECT count FROM signature_counts c WHERE c.petition_id = petitions.id AND "
    "c.state = 'confirmed'), 0), postcode_required, target_name, target_function, "
    "target_email, ends_at, language, COALESCE(edited_at, 0), won_at FROM petitions ";

Petition read_petition_row(const Statement& row) {
    Petition petition;
    petition.id = row.column_int(0);
    petition.slug = row.column_text(1);
    petition.title = row.column_text(2);
    petition.summary = row.column_text(3);
    petition.body_markdown = row.column_text(4);
    petition.goal = row.column_optional_int(5);
    petition.state = parse_petition_state(row.column_text(6)).value_or(PetitionState::closed);
    petition.created_at = row.column_int(7);
    petition.signature_count = row.column_int(8);
    petition.postcode_required = row.column_int(9) != 0;
    petition.target_name = row.column_text(10);
    petition.target_function = row.column_text(11);
    petition.target_email = row.column_text(12);
    petition.ends_at = row.column_optional_int(13);
    petition.language = row.column_text(14);
    petition.edited_at = row.column_int(15);
    petition.won_at = row.column_optional_int(16);
    return petition;
}

namespace {

Result<void> slug_error(const Result<void>& written, const std::string& slug) {
    if (written.error().code == StoreError::duplicate)
        return make_error(PetitionError::slug_taken,
                          "a petition with the slug '" + slug + "' already exists");
    return written.error();
}

std::vector<Petition> select_petitions(Database& db, const std::string& where) {
    auto& select =
        db.prepare(std::string(petition_columns) + where + " ORDER BY created_at DESC, id DESC");
    std::vector<Petition> petitions;
    while (select.step()) petitions.push_back(read_petition_row(select));
    select.reset();
    return petitions;
}

void read_all_regions(Database& db, std::vector<Petition>& petitions) {
    std::unordered_map<std::int64_t, Petition*> by_id;
    for (auto& petition : petitions) by_id.emplace(petition.id, &petition);
    auto& regions = db.prepare(
        "SELECT petition_id, region, count FROM region_counts WHERE count > 0 "
        "ORDER BY petition_id, region");
    while (regions.step())
        if (auto it = by_id.find(regions.column_int(0)); it != by_id.end())
            it->second->signatures_by_region.emplace_back(regions.column_text(1),
                                                          regions.column_int(2));
    regions.reset();
}

void read_regions(Database& db, Petition& petition) {
    auto& regions = db.prepare(
        "SELECT region, count FROM region_counts WHERE petition_id = ?1 AND count > 0 "
        "ORDER BY region");
    regions.bind(1, petition.id);
    while (regions.step())
        petition.signatures_by_region.emplace_back(regions.column_text(0), regions.column_int(1));
    regions.reset();
}

std::optional<Petition> select_one(Database& db, const std::string& where,
                                   const std::function<void(Statement&)>& bind) {
    auto& select = db.prepare(std::string(petition_columns) + where);
    bind(select);
    std::optional<Petition> petition;
    if (select.step()) petition = read_petition_row(select);
    select.reset();
    return petition;
}

}  // namespace

Result<Petition> insert_petition(Database& db, const PetitionDraft& draft, std::int64_t now,
                                 PetitionState state) {
    auto& insert = db.prepare(
        "INSERT INTO petitions (slug, title, summary, body_markdown, goal, state, created_at, "
        "updated_at, postcode_required, target_name, target_function, target_email, ends_at, "
        "language, published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, ?11, ?12, "
        "?13, CASE WHEN ?6 = 'draft' THEN NULL ELSE ?7 END)");
    insert.bind(1, draft.slug).bind(2, draft.title).bind(3, draft.summary);
    insert.bind(4, draft.body_markdown).bind(5, draft.goal).bind(6, to_string(state));
    insert.bind(7, now).bind(8, std::int64_t{draft.postcode_required ? 1 : 0});
    insert.bind(9, draft.target_name).bind(10, draft.target_function);
    insert.bind(11, draft.target_email).bind(12, draft.ends_at).bind(13, draft.language);
    if (auto inserted = insert.run(); !inserted) return slug_error(inserted, draft.slug).error();
    auto petition = find_petition_by_id(db, db.last_insert_id());
    if (!petition) return make_error(PetitionError::not_found, "the new petition vanished");
    return std::move(*petition);
}

std::vector<Petition> list_petitions(Database& db) {
    auto petitions = select_petitions(db, "");
    read_all_regions(db, petitions);
    return petitions;
}

namespace {

// A rejected or removed petition shows visitors its state and public reason, nothing of its
// text or its signers: what was refused (libel, abuse) must not stay readable at its address.
void keep_only_the_reason(Database& db, Petition& petition) {
    Petition shown;
    shown.id = petition.id;
    shown.slug = petition.slug;
    shown.state = petition.state;
    shown.created_at = petition.created_at;
    shown.language = petition.language;
    // A take-down's reason, else the rejection's.
    auto& reason = db.prepare(
        "SELECT code, public_text FROM rejection_reasons WHERE hidden = 0 AND id = COALESCE("
        "(SELECT reason_id FROM take_downs WHERE petition_id = ?1), "
        "(SELECT reason_id FROM submissions WHERE petition_id = ?1))");
    reason.bind(1, petition.id);
    if (reason.step()) {
        shown.public_reason_code = reason.column_text(0);
        shown.public_reason = reason.column_text(1);
    }
    reason.reset();
    petition = std::move(shown);
}

}  // namespace

std::vector<Petition> list_public_petitions(Database& db) {
    auto petitions = select_petitions(db, "WHERE state NOT IN ('draft', 'pending')");
    read_all_regions(db, petitions);
    for (auto& petition : petitions)
        if (is_refused(petition)) keep_only_the_reason(db, petition);
    auto& latest = db.prepare(
        "SELECT name, COALESCE(region, ''), confirmed_at FROM signatures "
        "WHERE petition_id = ?1 AND state = 'confirmed' AND public_name = 1 "
        "ORDER BY confirmed_at DESC, id DESC LIMIT ?2");
    for (auto& petition : petitions) {
        if (is_refused(petition)) continue;
        latest.bind(1, petition.id).bind(2, std::int64_t{latest_signers_shown});
        while (latest.step())
            petition.latest_signers.push_back({public_short_name(latest.column_text(0)),
                                               latest.column_text(1), latest.column_int(2)});
        latest.reset();
    }
    auto& news = db.prepare(
        "SELECT number, kind, subject, body_markdown, published_at FROM petition_news "
        "WHERE petition_id = ?1 AND published_at IS NOT NULL ORDER BY number DESC");
    for (auto& petition : petitions) {
        if (is_refused(petition)) continue;
        news.bind(1, petition.id);
        while (news.step())
            petition.news.push_back({news.column_int(0), news.column_text(1), news.column_text(2),
                                     news.column_text(3), news.column_int(4)});
        news.reset();
    }
    return petitions;
}

std::optional<Petition> find_petition_with_counts(Database& db, std::string_view slug) {
    auto petition = find_petition(db, slug);
    if (petition) read_regions(db, *petition);
    return petition;
}

std::optional<Petition> find_petition(Database& db, std::string_view slug) {
    return select_one(db, "WHERE slug = ?1", [&](Statement& s) { s.bind(1, slug); });
}

std::optional<Petition> find_petition_by_id(Database& db, std::int64_t id) {
    return select_one(db, "WHERE id = ?1", [&](Statement& s) { s.bind(1, id); });
}

Result<void> set_petition_state(Database& db, std::string_view slug, PetitionState state,
                                std::int64_t now) {
    auto& update = db.prepare("UPDATE petitions SET state = ?1, updated_at = ?2 WHERE slug = ?3");
    update.bind(1, to_string(state)).bind(2, now).bind(3, slug);
    if (auto updated = update.run(); !updated) return updated.error();
    if (db.changes() == 0)
        return make_error(PetitionError::not_found,
                          "there is no petition with the slug '" + std::string(slug) + "'");
    return {};
}

Result<std::vector<FieldChange>> update_petition(Database& db, std::int64_t id,
                                                 const PetitionDraft& draft,
                                                 const ChangeAuthor& author, std::int64_t now) {
    const auto before = find_petition_by_id(db, id);
    if (!before)
        return make_error(PetitionError::not_found,
                          "there is no petition number " + std::to_string(id));
    auto changes = changes_between(*before, draft);
    if (changes.empty()) return changes;
    // Changes made before the petition was first public are not the public's business.
    const bool live =
        before->state != PetitionState::draft && before->state != PetitionState::pending;
    if (live && draft.slug != before->slug)
        return make_error(PetitionError::slug_locked,
                          "the slug of a published petition cannot change: its address is out");

    auto& update = db.prepare(
        "UPDATE petitions SET slug = ?2, title = ?3, summary = ?4, body_markdown = ?5, goal = ?6, "
        "postcode_required = ?7, target_name = ?8, target_function = ?9, target_email = ?10, "
        "ends_at = ?11, language = ?12, updated_at = ?13, "
        "edited_at = CASE WHEN ?14 THEN ?13 ELSE edited_at END WHERE id = ?1");
    update.bind(1, id).bind(2, draft.slug).bind(3, draft.title).bind(4, draft.summary);
    update.bind(5, draft.body_markdown).bind(6, draft.goal);
    update.bind(7, std::int64_t{draft.postcode_required ? 1 : 0});
    update.bind(8, draft.target_name).bind(9, draft.target_function);
    update.bind(10, draft.target_email).bind(11, draft.ends_at).bind(12, draft.language);
    update.bind(13, now).bind(14, std::int64_t{live ? 1 : 0});
    if (auto updated = update.run(); !updated) return slug_error(updated, draft.slug).error();

    auto& insert = db.prepare(
        "INSERT INTO petition_changes (petition_id, at, user_id, actor, field, before, after, "
        "public) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& change : changes) {
        insert.bind(1, id).bind(2, now).bind(3, author.user_id).bind(4, author.actor);
        insert.bind(5, change.field).bind(6, change.before).bind(7, change.after);
        insert.bind(8, std::int64_t{live ? 1 : 0});
        if (auto inserted = insert.run(); !inserted) return inserted.error();
    }
    return changes;
}

Result<Petition> take_petition_step(Database& db, std::int64_t id, PetitionStep step,
                                    std::int64_t now) {
    auto petition = find_petition_by_id(db, id);
    if (!petition)
        return make_error(PetitionError::not_found,
                          "there is no petition number " + std::to_string(id));
    const auto next = next_state(petition->state, step);
    if (!next) return next.error();
    auto& update = db.prepare(
        "UPDATE petitions SET state = ?2, updated_at = ?3, "
        "published_at = CASE WHEN ?2 = 'published' THEN ?3 ELSE published_at END, "
        "preview_key = CASE WHEN ?2 = 'draft' THEN preview_key END, "
        "closed_at = CASE WHEN ?2 = 'closed' THEN ?3 ELSE closed_at END WHERE id = ?1");
    update.bind(1, id).bind(2, to_string(*next)).bind(3, now);
    if (auto updated = update.run(); !updated) return updated.error();
    petition->state = *next;
    return std::move(*petition);
}

std::vector<std::string> close_ended_petitions(Database& db, std::int64_t now) {
    auto& select = db.prepare(
        "SELECT slug FROM petitions WHERE state = 'published' AND ends_at IS NOT NULL AND "
        "ends_at <= ?1");
    select.bind(1, now);
    std::vector<std::string> slugs;
    while (select.step()) slugs.push_back(select.column_text(0));
    select.reset();
    if (slugs.empty()) return slugs;
    auto& update = db.prepare(
        "UPDATE petitions SET state = 'closed', closed_at = ?1, updated_at = ?1 "
        "WHERE state = 'published' AND ends_at IS NOT NULL AND ends_at <= ?1");
    update.bind(1, now);
    if (!update.run()) return {};
    return slugs;
}

Result<void> set_preview_key(Database& db, std::int64_t id, std::string_view key) {
    auto& update =
        db.prepare("UPDATE petitions SET preview_key = ?2 WHERE id = ?1 AND state = 'draft'");
    update.bind(1, id).bind(2, key);
    if (auto updated = update.run(); !updated) return updated.error();
    if (db.changes() == 0)
        return make_error(PetitionError::state_conflict,
                          "only a draft has a preview link; a published petition has its page");
    return {};
}

std::optional<Petition> find_petition_by_preview_key(Database& db, std::string_view key) {
    return select_one(db, "WHERE preview_key = ?1 AND state = 'draft'",
                      [&](Statement& s) { s.bind(1, key); });
}

Result<void> set_answer_key(Database& db, std::int64_t id, std::string_view key) {
    auto& update = db.prepare(
        "UPDATE petitions SET answer_key = ?2 WHERE id = ?1 AND state IN ('published', "
        "'closed')");
    update.bind(1, id).bind(2, key);
    if (auto updated = update.run(); !updated) return updated;
    if (db.changes() == 0)
        return find_petition_by_id(db, id)
                   ? make_error(PetitionError::news_not_public,
                                "only a published or closed petition's target may answer")
                   : make_error(PetitionError::not_found, "no such petition");
    return {};
}

std::optional<Petition> find_petition_by_answer_key(Database& db, std::string_view key) {
    return select_one(db, "WHERE answer_key = ?1 AND state IN ('published', 'closed')",
                      [&](Statement& s) { s.bind(1, key); });
}

std::vector<PetitionOverview> petition_overviews(Database& db) {
    std::vector<PetitionOverview> rows;
    for (auto& petition : select_petitions(db, "")) rows.push_back({std::move(petition)});
    // The newest signature per state is one step down the (petition, state) index each.
    auto& stats = db.prepare(
        "SELECT COALESCE((SELECT count FROM signature_counts WHERE petition_id = ?1 AND "
        "state = 'pending'), 0), "
        "MAX(p.updated_at, COALESCE((SELECT created_at FROM signatures WHERE id = "
        "(SELECT MAX(m) FROM ("
        "SELECT MAX(id) AS m FROM signatures WHERE petition_id = ?1 AND state = 'pending' "
        "UNION ALL SELECT MAX(id) FROM signatures WHERE petition_id = ?1 AND state = 'confirmed' "
        "UNION ALL SELECT MAX(id) FROM signatures WHERE petition_id = ?1 AND "
        "state = 'quarantined' "
        "UNION ALL SELECT MAX(id) FROM signatures WHERE petition_id = ?1 AND "
        "state = 'invalidated' "
        "UNION ALL SELECT MAX(id) FROM signatures WHERE petition_id = ?1 AND "
        "state = 'withdrawn'))), 0)) FROM petitions p WHERE p.id = ?1");
    for (auto& row : rows) {
        stats.bind(1, row.petition.id);
        if (stats.step()) {
            row.pending = stats.column_int(0);
            row.last_activity = stats.column_int(1);
        }
        stats.reset();
    }
    return rows;
}

std::vector<PetitionChange> petition_history(Database& db, std::int64_t id, bool public_only) {
    auto& select = db.prepare(
        "SELECT at, actor, field, before, after, public FROM petition_changes "
        "WHERE petition_id = ?1 AND (public = 1 OR ?2 = 0) ORDER BY at, id");
    select.bind(1, id).bind(2, std::int64_t{public_only ? 1 : 0});
    std::vector<PetitionChange> changes;
    while (select.step())
        changes.push_back({select.column_int(0),
                           select.column_text(1),
                           {select.column_text(2), select.column_text(3), select.column_text(4)},
                           select.column_int(5) != 0});
    select.reset();
    return changes;
}

Result<void> mark_petition_won(Database& db, std::int64_t id, std::int64_t now) {
    auto& update = db.prepare("UPDATE petitions SET won_at = ?1 WHERE id = ?2 AND won_at IS NULL");
    update.bind(1, now).bind(2, id);
    return update.run();
}

}  // namespace rempart::store
