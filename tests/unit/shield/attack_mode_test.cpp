// Tests for shield/attack_mode: on with a wave of unknown clients or with overload, off
// once calm has lasted, and never taught by the wave itself.
#include "shield/attack_mode.hpp"

#include <gtest/gtest.h>

namespace rempart::shield {
namespace {

AttackModeSettings quick() {
    AttackModeSettings settings;
    settings.min_rate = 100;
    settings.surge_factor = 10;
    settings.unknown_share = 0.5;
    settings.surge_seconds = 5;
    settings.pressure_seconds = 3;
    settings.calm_seconds = 20;
    settings.baseline_half_life = std::chrono::seconds(60);
    return settings;
}

// Seconds of `sample`; the number of ticks that changed the state.
int run(AttackMode& mode, const TrafficSample& sample, int seconds) {
    int changes = 0;
    for (int i = 0; i < seconds; ++i) changes += mode.tick(sample);
    return changes;
}

TEST(AttackMode, AWaveOfUnknownClientsSwitchesTheGateOnAfterItsSeconds) {
    AttackMode mode(quick());
    run(mode, {10, 1, false}, 300);  // a calm site: 10 requests a second
    EXPECT_FALSE(mode.gate_on());
    EXPECT_NEAR(mode.usual_rate(), 10, 1);
    run(mode, {420, 400, false}, 4);
    EXPECT_FALSE(mode.gate_on());  // not yet: a spike of four seconds is not a wave
    EXPECT_EQ(run(mode, {420, 400, false}, 1), 1);
    EXPECT_TRUE(mode.gate_on());
    EXPECT_EQ(mode.reason(), "surge");
}

TEST(AttackMode, ACrowdOfKnownVisitorsDoesNotSwitchItOn) {
    AttackMode mode(quick());
    run(mode, {10, 1, false}, 300);
    run(mode, {500, 100, false}, 60);  // four in five known: regulars, not a botnet
    EXPECT_FALSE(mode.gate_on());
}

TEST(AttackMode, BelowTheMinimumRateNothingIsAWave) {
    AttackMode mode(quick());
    run(mode, {1, 0, false}, 300);
    run(mode, {90, 90, false}, 60);  // ninety times the usual rate, all unknown, but small
    EXPECT_FALSE(mode.gate_on());
}

TEST(AttackMode, OverloadSwitchesItOnWhateverTheClients) {
    AttackMode mode(quick());
    run(mode, {10, 0, true}, 2);
    EXPECT_FALSE(mode.gate_on());
    run(mode, {10, 0, true}, 1);
    EXPECT_TRUE(mode.gate_on());
    EXPECT_EQ(mode.reason(), "load");
}

TEST(AttackMode, ItSwitchesOffOnlyAfterCalmHasLasted) {
    AttackMode mode(quick());
    run(mode, {10, 1, false}, 300);
    run(mode, {2000, 2000, false}, 10);
    ASSERT_TRUE(mode.gate_on());
    // The bots keep knocking at the gate: not calm.
    run(mode, {2000, 2000, false}, 100);
    EXPECT_TRUE(mode.gate_on());
    run(mode, {12, 2, false}, 19);
    EXPECT_TRUE(mode.gate_on());
    EXPECT_EQ(run(mode, {12, 2, false}, 1), 1);
    EXPECT_FALSE(mode.gate_on());
    EXPECT_EQ(mode.reason(), "");
}

TEST(AttackMode, ALongWaveDoesNotBecomeTheUsualRate) {
    AttackMode mode(quick());
    run(mode, {10, 1, false}, 300);
    run(mode, {5000, 5000, false}, 10);
    ASSERT_TRUE(mode.gate_on());
    const auto during = mode.usual_rate();
    EXPECT_LT(during, 11);  // the seconds before it switched on counted twice the usual at most
    run(mode, {5000, 5000, false}, 3600);
    EXPECT_EQ(mode.usual_rate(), during);
}

TEST(AttackMode, ABurstPullsTheUsualRateUpSlowly) {
    AttackMode mode(quick());
    run(mode, {10, 1, false}, 300);
    // Just under the surge's length, many times: never on, and the usual rate grows by
    // at most twice itself a second, weighted by the half-life.
    for (int i = 0; i < 10; ++i) {
        run(mode, {400, 400, false}, 4);
        run(mode, {10, 1, false}, 1);
    }
    EXPECT_FALSE(mode.gate_on());
    EXPECT_LT(mode.usual_rate(), 20);
}

TEST(AttackMode, AnAdminForcesItEitherWay) {
    AttackMode mode(quick(), GateMode::on);
    EXPECT_TRUE(mode.gate_on());
    EXPECT_EQ(mode.reason(), "admin");
    mode.set_mode(GateMode::off);
    run(mode, {5000, 5000, true}, 60);
    EXPECT_FALSE(mode.gate_on());
    mode.set_mode(GateMode::automatic);
    EXPECT_TRUE(mode.gate_on());  // the automatic switch kept watching meanwhile
}

TEST(AttackMode, ModesReadAndWriteAsTheirNames) {
    for (const auto mode : {GateMode::automatic, GateMode::on, GateMode::off})
        EXPECT_EQ(parse_gate_mode(to_string(mode)), mode);
    EXPECT_FALSE(parse_gate_mode("always"));
}

}  // namespace
}  // namespace rempart::shield
