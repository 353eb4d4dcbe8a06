// tools/attack-sim/solver_timing and the payload's `took`: a person's browser claims the
// time its device needs, a script's native solver about a millisecond, and the payload
// stays one the server accepts.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <boost/json.hpp>

#include <algorithm>

#include "attack-sim/proof_of_work.hpp"
#include "attack-sim/solver_timing.hpp"
#include "shield/proof_of_work.hpp"

namespace rempart::attack {
namespace {

Solver browser(double hashes_per_ms, double overhead_ms) {
    return Solver{Solver::Kind::browser, hashes_per_ms, overhead_ms};
}

boost::json::object decoded(const std::string& payload) {
    std::string bytes(payload.size(), '\0');
    const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                       reinterpret_cast<const unsigned char*>(payload.data()),
                                       static_cast<int>(payload.size()));
    bytes.resize(static_cast<std::size_t>(std::max(0, length)));
    bytes.erase(bytes.find_last_not_of('\0') + 1);  // the padding's zero bytes
    return boost::json::parse(bytes).as_object();
}

TEST(SolverTiming, ANativeSolverClaimsAboutAMillisecond) {
    EXPECT_EQ(took_ms(Solver{}, 0), 1u);
    EXPECT_EQ(took_ms(Solver{}, 5000), 1u);
    EXPECT_EQ(took_ms(Solver{}, 49999), 3u);  // 50,000 hashes at 20,000 a millisecond
}

TEST(SolverTiming, ABrowserTakesTheWorkAtItsSpeedPlusItsStartUp) {
    EXPECT_EQ(took_ms(browser(500, 100), 4999), 110u);
    EXPECT_EQ(took_ms(browser(200, 30), 9999), 80u);
    EXPECT_EQ(took_ms(browser(2000, 400), 0), 400u);
}

TEST(SolverTiming, PeopleHaveDevicesOfEverySpeedWithinTheBrowsersRange) {
    Random random(5);
    double slowest = 1e9, fastest = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto solver = browser_solver(random);
        EXPECT_EQ(solver.kind, Solver::Kind::browser);
        EXPECT_GE(solver.hashes_per_ms, browser_min_hashes_per_ms);
        EXPECT_LE(solver.hashes_per_ms, browser_max_hashes_per_ms);
        EXPECT_GE(solver.overhead_ms, browser_min_overhead_ms);
        EXPECT_LE(solver.overhead_ms, browser_max_overhead_ms);
        slowest = std::min(slowest, solver.hashes_per_ms);
        fastest = std::max(fastest, solver.hashes_per_ms);
    }
    EXPECT_LT(slowest, 250);
    EXPECT_GT(fastest, 1800);
    Random once(9), again(9);
    const auto first = browser_solver(once), second = browser_solver(again);
    EXPECT_EQ(first.hashes_per_ms, second.hashes_per_ms);
    EXPECT_EQ(first.overhead_ms, second.overhead_ms);
}

TEST(SolverTiming, TheSolvedPayloadClaimsThePlannedTookAndPassesTheServersCheck) {
    for (const auto& [solver, took] : {std::pair{browser(500, 100), std::uint64_t{106}},
                                       std::pair{Solver{}, std::uint64_t{1}}}) {
        shield::ProofOfWork pow("a-secret-for-tests");
        const auto challenge = pow.create("00112233445566778899aabb", 3000, 5000, 2000);
        const auto solution = solve_challenge(shield::to_json(challenge), solver);
        ASSERT_TRUE(solution);
        const auto payload = decoded(solution->payload);
        EXPECT_EQ(payload.at("number").to_number<std::uint64_t>(), 3000u);
        EXPECT_EQ(payload.at("took").to_number<std::uint64_t>(), took);  // 3001 / 500 + 100
        EXPECT_EQ(pow.verify(solution->payload, 1000), shield::PowVerdict::accepted);
    }
}

}  // namespace
}  // namespace rempart::attack
