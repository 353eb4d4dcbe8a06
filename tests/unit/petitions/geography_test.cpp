// Départements and régions from the lists the build compiles in (Etalab's), read back.
#include "petitions/geography.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace rempart {
namespace {

std::string read(const std::string& name) {
    std::ifstream in(std::string(REMPART_SOURCE_DIR) +
                     "/node_modules/@etalab/decoupage-administratif/data/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Geography, NamesEveryDepartementAndItsRegion) {
    const auto geography = Geography::parse(read("departements.json"), read("regions.json"));
    ASSERT_TRUE(geography.ok()) << geography.error().detail;
    EXPECT_GE(geography->departements(), 101u);  // 96 in mainland France and Corsica, 5 overseas
    EXPECT_EQ(geography->departement_name("69"), "Rhône");
    EXPECT_EQ(geography->region_of("69"), "Auvergne-Rhône-Alpes");
    EXPECT_EQ(geography->region_of("2A"), "Corse");
    EXPECT_EQ(geography->region_of("971"), "Guadeloupe");
    EXPECT_EQ(geography->region_of("75"), "Île-de-France");
    EXPECT_TRUE(geography->departement_name("20").empty());
    EXPECT_TRUE(geography->region_of("").empty());
}

TEST(Geography, SumsByRegionLargestFirstAndKeepsWhatItDoesNotKnow) {
    const auto geography = Geography::parse(read("departements.json"), read("regions.json"));
    ASSERT_TRUE(geography.ok());
    const auto sums = geography->by_region(
        {{"01", 2}, {"2A", 1}, {"38", 3}, {"69", 10}, {"75", 4}, {"99", 5}}, "elsewhere");
    ASSERT_EQ(sums.size(), 4u);
    EXPECT_EQ(sums[0], (std::pair<std::string, std::int64_t>{"Auvergne-Rhône-Alpes", 15}));
    EXPECT_EQ(sums[1], (std::pair<std::string, std::int64_t>{"elsewhere", 5}));
    EXPECT_EQ(sums[2], (std::pair<std::string, std::int64_t>{"Île-de-France", 4}));
    EXPECT_EQ(sums[3], (std::pair<std::string, std::int64_t>{"Corse", 1}));
}

TEST(Geography, ListsThatCannotBeReadAreRefused) {
    const auto regions = read("regions.json");
    for (const auto* bad :
         {"", "{}", "[1]", "[{\"code\": \"69\"}]", "[{\"code\": 69, \"nom\": \"Rhône\"}]",
          "[{\"code\": \"69\", \"nom\": \"Rhône\"}]", "not json"})
        EXPECT_FALSE(Geography::parse(bad, regions).ok()) << bad;
    EXPECT_FALSE(Geography::parse(read("departements.json"), "[]").ok());
}

}  // namespace
}  // namespace rempart
