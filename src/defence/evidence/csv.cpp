// CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
#include "defence/evidence/csv.hpp"

#include "core/text.hpp"

namespace rempart::defence::evidence {

std::string csv_cell(std::string_view raw) {
    // A User-Agent is stored as the client sent it, in any bytes.
    const auto value = to_valid_utf8(raw);
    std::string cell = "\"";
    if (!value.empty()) {
        const char first = value.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
            first == '\r')
            cell += '\'';
    }
    for (const char c : value) {
        if (c == '"') cell += '"';
        cell += c;
    }
    cell += '"';
    return cell;
}

CsvText::CsvText() : text_("\xEF\xBB\xBF") {}

void CsvText::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i != 0) text_ += ',';
        text_ += csv_cell(cells[i]);
    }
    text_ += "\r\n";
}

void CsvText::blank_line() {
    text_ += "\r\n";
}

}  // namespace rempart::defence::evidence
