// The rejection reasons in the store.
#include "store/reason_repository.hpp"

#include "petitions/moderation.hpp"

namespace rempart::store {
namespace {

constexpr std::string_view reason_columns =
    "SELECT id, code, label, public_text, hidden, retired_at IS NOT NULL FROM rejection_reasons ";

RejectionReason read_reason(const Statement& row) {
    return {row.column_int(0),  row.column_text(1),     row.column_text(2),
            row.column_text(3), row.column_int(4) != 0, row.column_int(5) != 0};
}

Error unknown_reason(std::int64_t id) {
    return make_error(ModerationError::reason_unknown, "no reason " + std::to_string(id));
}

}  // namespace

std::vector<RejectionReason> rejection_reasons(Database& db, bool with_retired) {
    auto& select =
        db.prepare(std::string(reason_columns) + "WHERE ?1 OR retired_at IS NULL ORDER BY id");
    select.bind(1, std::int64_t{with_retired ? 1 : 0});
    std::vector<RejectionReason> reasons;
    while (select.step()) reasons.push_back(read_reason(select));
    select.reset();
    return reasons;
}

std::optional<RejectionReason> find_rejection_reason(Database& db, std::int64_t id) {
    auto& select = db.prepare(std::string(reason_columns) + "WHERE id = ?1");
    select.bind(1, id);
    std::optional<RejectionReason> found;
    if (select.step()) found = read_reason(select);
    select.reset();
    return found;
}

Result<std::int64_t> add_rejection_reason(Database& db, const ReasonForm& reason) {
    auto& insert = db.prepare(
        "INSERT INTO rejection_reasons (label, public_text, hidden) VALUES (?1, ?2, ?3)");
    insert.bind(1, reason.label).bind(2, reason.public_text);
    insert.bind(3, std::int64_t{reason.hidden ? 1 : 0});
    if (auto inserted = insert.run(); !inserted) return inserted.error();
    return db.last_insert_id();
}

Result<RejectionReason> edit_rejection_reason(Database& db, std::int64_t id,
                                              const ReasonForm& reason) {
    auto before = find_rejection_reason(db, id);
    if (!before) return unknown_reason(id);
    if (!before->code.empty())
        return make_error(ModerationError::reason_of_the_site,
                          "reason " + before->code + " speaks the site's words");
    auto& update = db.prepare(
        "UPDATE rejection_reasons SET label = ?2, public_text = ?3, hidden = ?4 WHERE id = ?1");
    update.bind(1, id).bind(2, reason.label).bind(3, reason.public_text);
    update.bind(4, std::int64_t{reason.hidden ? 1 : 0});
    if (auto updated = update.run(); !updated) return updated.error();
    return std::move(*before);
}

Result<RejectionReason> retire_rejection_reason(Database& db, std::int64_t id,
                                                std::optional<std::int64_t> at) {
    auto reason = find_rejection_reason(db, id);
    if (!reason) return unknown_reason(id);
    auto& update = db.prepare("UPDATE rejection_reasons SET retired_at = ?2 WHERE id = ?1");
    update.bind(1, id).bind(2, at);
    if (auto updated = update.run(); !updated) return updated.error();
    reason->retired = at.has_value();
    return std::move(*reason);
}

std::map<std::int64_t, std::int64_t> rejection_reason_uses(Database& db) {
    auto& select = db.prepare(
        "SELECT reason_id, COUNT(*) FROM (SELECT reason_id FROM submissions WHERE reason_id IS "
        "NOT NULL UNION ALL SELECT reason_id FROM take_downs WHERE reason_id IS NOT NULL) "
        "GROUP BY reason_id");
    std::map<std::int64_t, std::int64_t> uses;
    while (select.step()) uses[select.column_int(0)] = select.column_int(1);
    select.reset();
    return uses;
}

}  // namespace rempart::store
