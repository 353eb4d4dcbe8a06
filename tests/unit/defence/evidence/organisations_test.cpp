// Tests for naming an incident's ASes from the IP-to-AS table.
#include <gtest/gtest.h>

#include "defence/evidence/organisations.hpp"

namespace rempart::defence::evidence {
namespace {

TEST(NameAutonomousSystems, NamesEachAsThroughOneOfItsAddresses) {
    auto table = shield::AsnTable::parse(
        "203.0.113.0,203.0.113.255,64505,\"Hébergeur \"\"Nuage\"\", SAS\"\n"
        "2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,64510,Documentation v6\n"
        "198.51.100.0,198.51.100.255,64999,Someone Else\n",
        "test");
    ASSERT_TRUE(table.ok()) << table.error().detail;
    IncidentRecord record;
    record.sources = {
        {"203.0.113.9", "", 64505, "accepted", 1, 1, 1},
        {"2001:db8::1", "", 64510, "accepted", 1, 1, 1},
        // The table moved this address to another AS since the attack: not named by it.
        {"198.51.100.1", "", 64504, "accepted", 1, 1, 1},
        {"192.0.2.1", "", std::nullopt, "accepted", 1, 1, 1},
    };
    name_autonomous_systems(record, *table);
    EXPECT_EQ(record.as_organisations.size(), 2u);
    EXPECT_EQ(record.as_organisations.at(64505), "Hébergeur \"Nuage\", SAS");
    EXPECT_EQ(record.as_organisations.at(64510), "Documentation v6");
    EXPECT_EQ(record.as_organisations.count(64504), 0u);
}

}  // namespace
}  // namespace rempart::defence::evidence
