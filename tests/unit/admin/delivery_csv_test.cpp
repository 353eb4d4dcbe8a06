// Tests for the delivery CSV: what spreadsheets need, and names that cannot run.
#include "admin/delivery_csv.hpp"

#include <gtest/gtest.h>

namespace rempart::admin {
namespace {

const DeliveryHeadings headings{"N°",          "Nom",         "Code postal",
                                "Département", "Commentaire", "Signée le"};

TEST(DeliveryCsv, StartsWithAByteOrderMarkAndQuotesEveryField) {
    std::vector<store::DeliveryRow> rows(2);
    rows[0] = {"Camille Martin", "69003", "69", "Enfin !", 1'796'515'200};
    rows[1] = {"Léa \"la\" Roux", std::nullopt, std::nullopt, "ligne 1\nligne 2, suite",
               1'798'761'600};
    const auto csv = delivery_csv(rows, headings);
    EXPECT_EQ(csv,
              "\xEF\xBB\xBF\"N°\",\"Nom\",\"Code postal\",\"Département\",\"Commentaire\","
              "\"Signée le\"\r\n"
              "\"1\",\"Camille Martin\",\"69003\",\"69\",\"Enfin !\",\"2026-12-06\"\r\n"
              "\"2\",\"Léa \"\"la\"\" Roux\",\"\",\"\",\"ligne 1\nligne 2, suite\","
              "\"2027-01-01\"\r\n");
}

TEST(DeliveryCsv, AFormulaTypedAsANameIsWrittenAsText) {
    for (const char* formula : {"=HYPERLINK(\"http://x\")", "+33 6", "-1+1", "@SUM(A1)", "\tx"})
        EXPECT_EQ(csv_field(formula).substr(0, 2), "\"'") << formula;
    EXPECT_EQ(csv_field("Marie = Curie"), "\"Marie = Curie\"");
    EXPECT_EQ(csv_field(""), "\"\"");
}

TEST(DeliveryCsv, AnEmptyListIsItsHeadings) {
    const auto csv = delivery_csv({}, headings);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1);
}

}  // namespace
}  // namespace rempart::admin
