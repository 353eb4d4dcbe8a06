// CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rempart::defence::evidence {

// One cell: always quoted, inner quotes doubled. A cell starting with = + - @, a tab or a
// carriage return gets a leading apostrophe, so a name like "=HYPERLINK(...)" typed by an
// attacker is shown as text and never evaluated (OWASP's CSV injection advice). Bytes that
// are not UTF-8 become U+FFFD, as the file says it is UTF-8.
std::string csv_cell(std::string_view value);

// Builds a CSV text: UTF-8 with a byte order mark (LibreOffice and Excel then read accents
// right without asking), CRLF line ends as RFC 4180 says.
class CsvText {
  public:
    CsvText();
    void row(const std::vector<std::string>& cells);
    void blank_line();
    std::string take() { return std::move(text_); }

  private:
    std::string text_;
};

}  // namespace rempart::defence::evidence
