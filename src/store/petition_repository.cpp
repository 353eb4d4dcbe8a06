// Petitions in the store: insert, list, find, change state.
#include "store/petition_repository.hpp"

#include "petitions/errors.hpp"
#include "store/detail/petition_rows.hpp"
#include "store/errors.hpp"

#include <unordered_map>

namespace rempart::store {

// The count comes from the table the triggers keep: one row read, whatever the number.
const std::string_view petition_columns =
    "SELECT id, slug, title, summary, body_markdown, goal, state, created_at, "
    "COALESCE((SELECT count FROM signature_counts c WHERE c.petition_id = petitions.id AND "
    "c.state = 'confirmed'), 0), postcode_required FROM petitions ";

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
    return petition;
}

Result<Petition> insert_petition(Database& db, const PetitionDraft& draft, std::int64_t now) {
    auto& insert = db.prepare(
        "INSERT INTO petitions (slug, title, summary, body_markdown, goal, state, created_at, "
        "updated_at, postcode_required) VALUES (?1, ?2, ?3, ?4, ?5, 'published', ?6, ?6, ?7)");
    insert.bind(1, draft.slug).bind(2, draft.title).bind(3, draft.summary);
    insert.bind(4, draft.body_markdown).bind(5, draft.goal).bind(6, now);
    insert.bind(7, std::int64_t{draft.postcode_required ? 1 : 0});
    if (auto inserted = insert.run(); !inserted) {
        if (inserted.error().code == StoreError::duplicate)
            return make_error(PetitionError::slug_taken,
                              "a petition with the slug '" + draft.slug + "' already exists");
        return inserted.error();
    }
    Petition petition;
    petition.id = db.last_insert_id();
    petition.slug = draft.slug;
    petition.title = draft.title;
    petition.summary = draft.summary;
    petition.body_markdown = draft.body_markdown;
    petition.goal = draft.goal;
    petition.postcode_required = draft.postcode_required;
    petition.state = PetitionState::published;
    petition.created_at = now;
    return petition;
}

std::vector<Petition> list_petitions(Database& db) {
    auto& select = db.prepare(std::string(petition_columns) + "ORDER BY created_at DESC, id DESC");
    std::vector<Petition> petitions;
    while (select.step()) petitions.push_back(read_petition_row(select));
    select.reset();
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
    return petitions;
}

namespace {

void read_regions(Database& db, Petition& petition) {
    auto& regions = db.prepare(
        "SELECT region, count FROM region_counts WHERE petition_id = ?1 AND count > 0 "
        "ORDER BY region");
    regions.bind(1, petition.id);
    while (regions.step())
        petition.signatures_by_region.emplace_back(regions.column_text(0), regions.column_int(1));
    regions.reset();
}

}  // namespace

std::optional<Petition> find_petition_with_counts(Database& db, std::string_view slug) {
    auto petition = find_petition(db, slug);
    if (petition) read_regions(db, *petition);
    return petition;
}

std::optional<Petition> find_petition(Database& db, std::string_view slug) {
    auto& select = db.prepare(std::string(petition_columns) + "WHERE slug = ?1");
    select.bind(1, slug);
    std::optional<Petition> petition;
    if (select.step()) petition = read_petition_row(select);
    select.reset();
    return petition;
}

Result<void> set_petition_state(Database& db, std::string_view slug, PetitionState state,
                                std::int64_t now) {
    auto& update = db.prepare("UPDATE petitions SET state = ?1, updated_at = ?2 WHERE slug = ?3");
    update.bind(1, to_string(state)).bind(2, now).bind(3, slug);
    if (auto updated = update.run(); !updated) return updated.error();
    if (sqlite3_changes(db.handle()) == 0)
        return make_error(PetitionError::not_found,
                          "there is no petition with the slug '" + std::string(slug) + "'");
    return {};
}

}  // namespace rempart::store
