// Tests for the kinds of ban: their names in the store, and the key their sources carried.
#include "defence/model/ban.hpp"

#include <gtest/gtest.h>

namespace rempart::defence {
namespace {

TEST(Ban, EachKindReadsBackAndNamesTheKeyItsSourceCarried) {
    for (const auto kind : {BanKind::network, BanKind::as})
        EXPECT_EQ(parse_ban_kind(to_string(kind)), kind);
    EXPECT_FALSE(parse_ban_kind("country"));
    EXPECT_EQ(dimension_of(BanKind::network), Dimension::network);
    EXPECT_EQ(dimension_of(BanKind::as), Dimension::as);
}

}  // namespace
}  // namespace rempart::defence
