// Watches in the store.
#include "store/watch_repository.hpp"

#include "defence/model/errors.hpp"

namespace rempart::store {
namespace {

using defence::Dimension;
using defence::Watch;

constexpr const char* watch_columns =
    "SELECT w.id, w.petition_id, p.slug, w.dimension, w.key_value, w.attempts_in_window, "
    "w.window_total, w.distinct_networks, w.first_attempt_ms, w.opened_ms, w.updated_ms, "
    "w.evidence, w.state, w.incident_id, w.decided_ms, COALESCE(w.decided_by, '') "
    "FROM watches w JOIN petitions p ON p.id = w.petition_id ";

Watch read_watch(const Statement& row) {
    Watch watch;
    watch.id = row.column_int(0);
    watch.petition_id = row.column_int(1);
    watch.petition_slug = row.column_text(2);
    watch.dimension = defence::parse_dimension(row.column_text(3)).value_or(Dimension::name);
    watch.key_value = row.column_text(4);
    watch.attempts_in_window = row.column_int(5);
    watch.window_total = row.column_int(6);
    watch.distinct_networks = row.column_int(7);
    watch.first_attempt_ms = row.column_int(8);
    watch.opened_ms = row.column_int(9);
    watch.updated_ms = row.column_int(10);
    watch.evidence = row.column_text(11);
    watch.state = row.column_text(12);
    watch.incident_id = row.column_optional_int(13);
    watch.decided_ms = row.column_optional_int(14);
    watch.decided_by = row.column_text(15);
    return watch;
}

std::optional<std::int64_t> open_watch(Database& db, std::int64_t petition_id, Dimension dimension,
                                       std::string_view key_value) {
    auto& select = db.prepare(
        "SELECT id FROM watches WHERE petition_id = ?1 AND dimension = ?2 AND key_value = ?3 "
        "AND state = 'open' ORDER BY id DESC LIMIT 1");
    select.bind(1, petition_id).bind(2, to_string(dimension)).bind(3, key_value);
    std::optional<std::int64_t> id;
    if (select.step()) id = select.column_int(0);
    select.reset();
    return id;
}

}  // namespace

Result<RecordedWatch> record_watch(Database& db, const defence::Sighting& watch,
                                   std::int64_t now_ms) {
    if (const auto id = open_watch(db, watch.petition_id, watch.dimension, watch.key_value)) {
        auto& update = db.prepare(
            "UPDATE watches SET attempts_in_window = max(attempts_in_window, ?2), "
            "window_total = ?3, distinct_networks = ?4, updated_ms = ?5, evidence = ?6 "
            "WHERE id = ?1");
        update.bind(1, *id).bind(2, watch.attempts_in_window).bind(3, watch.window_total);
        update.bind(4, watch.distinct_networks).bind(5, now_ms).bind(6, watch.evidence);
        if (auto updated = update.run(); !updated) return updated.error();
        return RecordedWatch{*id, false};
    }
    auto& insert = db.prepare(
        "INSERT INTO watches (petition_id, dimension, key_value, attempts_in_window, "
        "window_total, distinct_networks, first_attempt_ms, opened_ms, updated_ms, evidence, "
        "state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, 'open')");
    insert.bind(1, watch.petition_id).bind(2, to_string(watch.dimension));
    insert.bind(3, watch.key_value);
    insert.bind(4, watch.attempts_in_window).bind(5, watch.window_total);
    insert.bind(6, watch.distinct_networks).bind(7, watch.first_attempt_ms).bind(8, now_ms);
    insert.bind(9, watch.evidence);
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return RecordedWatch{db.last_insert_id(), true};
}

Result<bool> escalate_watch(Database& db, std::int64_t petition_id, Dimension dimension,
                            std::string_view key_value, std::int64_t incident_id,
                            std::int64_t now_ms) {
    const auto id = open_watch(db, petition_id, dimension, key_value);
    if (!id) return false;
    auto& update = db.prepare(
        "UPDATE watches SET state = 'escalated', incident_id = ?2, decided_ms = ?3, "
        "decided_by = 'the defence' WHERE id = ?1");
    update.bind(1, *id).bind(2, incident_id).bind(3, now_ms);
    if (auto updated = update.run(); !updated) return updated.error();
    return true;
}

Result<Watch> decide_watch(Database& db, std::int64_t watch_id, std::string_view state,
                           std::string_view by, std::int64_t now_ms) {
    if (state != "dismissed" && state != "invalidated")
        return make_error(defence::DefenceError::watch_bad_state,
                          "a watch is dismissed or invalidated");
    auto watch = find_watch(db, watch_id);
    if (!watch)
        return make_error(defence::DefenceError::watch_not_found,
                          "no watch " + std::to_string(watch_id));
    if (watch->state != "open")
        return make_error(defence::DefenceError::watch_decided,
                          "this watch was already " + watch->state);
    auto& update =
        db.prepare("UPDATE watches SET state = ?2, decided_ms = ?3, decided_by = ?4 WHERE id = ?1");
    update.bind(1, watch_id).bind(2, state).bind(3, now_ms).bind(4, by);
    if (auto updated = update.run(); !updated) return updated.error();
    watch->state = std::string(state);
    watch->decided_ms = now_ms;
    watch->decided_by = std::string(by);
    return *watch;
}

std::optional<Watch> find_watch(Database& db, std::int64_t watch_id) {
    auto& select = db.prepare(std::string(watch_columns) + "WHERE w.id = ?1");
    select.bind(1, watch_id);
    std::optional<Watch> watch;
    if (select.step()) watch = read_watch(select);
    select.reset();
    return watch;
}

std::vector<Watch> list_watches(Database& db, std::size_t limit) {
    auto& select =
        db.prepare(std::string(watch_columns) + "ORDER BY w.state = 'open' DESC, w.id DESC LIMIT ?1");
    select.bind(1, static_cast<std::int64_t>(limit));
    std::vector<Watch> watches;
    while (select.step()) watches.push_back(read_watch(select));
    select.reset();
    return watches;
}

std::int64_t open_watch_count(Database& db) {
    auto& select = db.prepare("SELECT COUNT(*) FROM watches WHERE state = 'open'");
    const auto n = select.step() ? select.column_int(0) : 0;
    select.reset();
    return n;
}

}  // namespace rempart::store
