// Tests for petitions/petition: states as the store and the API write them.
#include "petitions/petition.hpp"

#include <gtest/gtest.h>

namespace rempart {
namespace {

TEST(PetitionState, RoundTripsAsText) {
    for (const auto state : {PetitionState::published, PetitionState::closed})
        EXPECT_EQ(parse_petition_state(to_string(state)), state);
    EXPECT_EQ(to_string(PetitionState::closed), "closed");
    EXPECT_EQ(parse_petition_state("Published"), std::nullopt);
    EXPECT_EQ(parse_petition_state(""), std::nullopt);
}

}  // namespace
}  // namespace rempart
