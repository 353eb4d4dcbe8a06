// Tests for the proof-of-work difficulty: the base, raises by key, their expiry.
#include <gtest/gtest.h>

#include "shield/difficulty.hpp"
#include "shield/proof_of_work.hpp"

namespace rempart::shield {
namespace {

TEST(Difficulty, IsTheBaseUntilSomethingIsRaised) {
    Difficulty difficulty(10000);
    EXPECT_EQ(difficulty.required({"petition:p", "ip:192.0.2.1"}, 100), 10000u);
}

TEST(Difficulty, TheHardestRaiseAmongTheClientsKeysApplies) {
    Difficulty difficulty(10000);
    difficulty.raise("petition:p", 50000, 200);
    difficulty.raise("net:192.0.2.0/24", 400000, 200);
    EXPECT_EQ(difficulty.required({"petition:p", "net:198.51.100.0/24"}, 100), 50000u);
    EXPECT_EQ(difficulty.required({"petition:p", "net:192.0.2.0/24"}, 100), 400000u);
    EXPECT_EQ(difficulty.required({"petition:other"}, 100), 10000u);
}

TEST(Difficulty, ARaiseEndsByItselfOrWhenLowered) {
    Difficulty difficulty(10000);
    difficulty.raise("petition:p", 50000, 200);
    EXPECT_EQ(difficulty.required({"petition:p"}, 199), 50000u);
    EXPECT_EQ(difficulty.required({"petition:p"}, 200), 10000u);
    difficulty.raise("petition:q", 50000, 1000);
    difficulty.lower("petition:q");
    EXPECT_EQ(difficulty.required({"petition:q"}, 100), 10000u);
}

TEST(Difficulty, TheChallengeCarriesItsDifficultyUnderTheSignature) {
    ProofOfWork pow("secret");
    const auto challenge = pow.create("aabbcc", 3, 50000, 2000);
    EXPECT_NE(challenge.salt.find("&max=50000&"), std::string::npos);
}

}  // namespace
}  // namespace rempart::shield
