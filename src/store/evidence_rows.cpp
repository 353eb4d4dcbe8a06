// The evidence's aggregated rows read from a prepared statement.
#include "store/detail/evidence_rows.hpp"

namespace rempart::store {
namespace {

// Reads every row into `into` with `read`, then resets the statement for its next use.
template <class Row, class Read>
Result<void> read_rows(Statement& rows, std::vector<Row>& into, Read read) {
    while (rows.step()) into.push_back(read(rows));
    auto status = rows.status();
    rows.reset();
    return status;
}

}  // namespace

Result<void> read_source_rows(Statement& rows, std::vector<defence::SourceCount>& into) {
    return read_rows(rows, into, [](const Statement& row) {
        return defence::SourceCount{
            row.column_text(0), row.column_text(1), row.column_optional_int(2), row.column_text(3),
            row.column_int(4),  row.column_int(5),  row.column_int(6)};
    });
}

Result<void> read_minute_rows(Statement& rows, std::vector<defence::MinuteCount>& into) {
    return read_rows(rows, into, [](const Statement& row) {
        return defence::MinuteCount{row.column_int(0), row.column_text(1), row.column_int(2)};
    });
}

Result<void> read_user_agent_rows(Statement& rows, std::vector<defence::UserAgentCount>& into) {
    return read_rows(rows, into, [](const Statement& row) {
        return defence::UserAgentCount{row.column_text(0), row.column_int(1), row.column_int(2),
                                       row.column_int(3)};
    });
}

Result<void> read_sample_rows(Statement& rows, std::vector<defence::SignatureSample>& into) {
    return read_rows(rows, into, [](const Statement& row) {
        defence::SignatureSample s;
        s.id = row.column_int(0);
        s.name = row.column_text(1);
        s.email = row.column_text(2);
        s.email_domain = row.column_text(3);
        s.postcode = row.column_is_null(4) ? std::string() : row.column_text(4);
        s.comment = row.column_text(5);
        s.state = row.column_text(6);
        s.created_s = row.column_int(7);
        s.confirmed_s = row.column_optional_int(8);
        s.ip = row.column_text(9);
        return s;
    });
}

}  // namespace rempart::store
