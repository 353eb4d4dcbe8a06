// The signatures handed to a petition's target.
#include "store/delivery_repository.hpp"

namespace rempart::store {

std::vector<DeliveryRow> delivery_rows(Database& db, std::int64_t petition_id) {
    auto& select = db.prepare(
        "SELECT name, postcode, region, comment, COALESCE(confirmed_at, created_at) "
        "FROM signatures WHERE petition_id = ?1 AND state = 'confirmed' "
        "ORDER BY COALESCE(confirmed_at, created_at), id");
    select.bind(1, petition_id);
    std::vector<DeliveryRow> rows;
    while (select.step()) {
        DeliveryRow row;
        row.name = select.column_text(0);
        if (!select.column_is_null(1)) row.postcode = select.column_text(1);
        if (!select.column_is_null(2)) row.region = select.column_text(2);
        row.comment = select.column_text(3);
        row.confirmed_at = select.column_int(4);
        rows.push_back(std::move(row));
    }
    select.reset();
    return rows;
}

}  // namespace rempart::store
