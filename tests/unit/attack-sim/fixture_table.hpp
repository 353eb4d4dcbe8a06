// The simulator's AS table (tools/attack-sim/asn.csv) as the server loads it, for the tests
// that check plans against it.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "shield/asn_table.hpp"

namespace rempart::attack::testing {

inline shield::AsnTable fixture_table() {
    std::ifstream in(REMPART_ATTACK_ASN_TABLE);
    std::ostringstream text;
    text << in.rdbuf();
    auto table = shield::AsnTable::parse(text.str(), "asn.csv");
    EXPECT_TRUE(table.ok());
    return std::move(table).value();
}

}  // namespace rempart::attack::testing
