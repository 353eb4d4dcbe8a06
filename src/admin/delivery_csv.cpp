// The signature list for delivery as CSV. Pure.
#include "admin/delivery_csv.hpp"

#include "core/clock.hpp"

namespace rempart::admin {
namespace {

std::string day_of(std::int64_t unix_seconds) {
    return utc_text(unix_seconds, "%Y-%m-%d");
}

}  // namespace

std::string csv_field(std::string_view text) {
    std::string out = "\"";
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                          text.front() == '@' || text.front() == '\t' || text.front() == '\r'))
        out += '\'';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string delivery_csv(const std::vector<store::DeliveryRow>& rows,
                         const DeliveryHeadings& headings) {
    std::string out = "\xEF\xBB\xBF";
    out.reserve(64 * rows.size() + 128);
    const auto line = [&out](std::initializer_list<std::string_view> fields) {
        bool first = true;
        for (const auto field : fields) {
            if (!first) out += ',';
            out += csv_field(field);
            first = false;
        }
        out += "\r\n";
    };
    line({headings.number, headings.name, headings.postcode, headings.region, headings.comment,
          headings.date});
    std::size_t number = 0;
    for (const auto& row : rows)
        line({std::to_string(++number), row.name, row.postcode.value_or(""),
              row.region.value_or(""), row.comment, day_of(row.confirmed_at)});
    return out;
}

}  // namespace rempart::admin
