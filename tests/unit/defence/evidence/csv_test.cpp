// Tests for CSV cells: RFC 4180 quoting and formula neutralisation.
#include <gtest/gtest.h>

#include "defence/evidence/csv.hpp"

namespace rempart::defence::evidence {
namespace {

TEST(CsvCell, QuotesEveryCellAndDoublesInnerQuotes) {
    EXPECT_EQ(csv_cell(""), "\"\"");
    EXPECT_EQ(csv_cell("Jeff Bezos"), "\"Jeff Bezos\"");
    EXPECT_EQ(csv_cell("Loopback Télécom, SA"), "\"Loopback Télécom, SA\"");
    EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_cell("two\r\nlines"), "\"two\r\nlines\"");
}

TEST(CsvCell, NeutralisesWhatASpreadsheetWouldRunAsAFormula) {
    EXPECT_EQ(csv_cell("=HYPERLINK(\"http://x\",\"y\")"),
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    EXPECT_EQ(csv_cell("+33 6"), "\"'+33 6\"");
    EXPECT_EQ(csv_cell("-1+2"), "\"'-1+2\"");
    EXPECT_EQ(csv_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
    EXPECT_EQ(csv_cell("\t=1"), "\"'\t=1\"");
    EXPECT_EQ(csv_cell("\r=1"), "\"'\r=1\"");
    EXPECT_EQ(csv_cell("a=1"), "\"a=1\"");  // only a leading sign starts a formula
}

TEST(CsvCell, WritesBytesThatAreNotUtf8AsReplacementCharacters) {
    EXPECT_EQ(csv_cell("caf\xE9"), "\"caf\uFFFD\"");
    EXPECT_EQ(csv_cell("\xC3"), "\"\uFFFD\"");
    EXPECT_EQ(csv_cell("=\xFF"), "\"'=\uFFFD\"");
}

TEST(CsvText, StartsWithAByteOrderMarkAndEndsLinesWithCrLf) {
    CsvText csv;
    csv.row({"a", "b"});
    csv.blank_line();
    EXPECT_EQ(csv.take(), "\xEF\xBB\xBF\"a\",\"b\"\r\n\r\n");
}

}  // namespace
}  // namespace rempart::defence::evidence
