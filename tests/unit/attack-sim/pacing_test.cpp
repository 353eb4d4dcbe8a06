// tools/attack-sim/pacing and address_rotation: requests due on an open-loop clock, each
// from the next address in turn, and no address past its per-IP limit in any minute.
#include <gtest/gtest.h>

#include <deque>
#include <vector>

#include "attack-sim/address_rotation.hpp"
#include "attack-sim/botnet_plan.hpp"
#include "attack-sim/pacing.hpp"
#include "attack-sim/random.hpp"

namespace rempart::attack {
namespace {

TEST(Pacing, RequestKIsDueAtKOverTheRate) {
    const Pacing pacing(420, 60);
    EXPECT_EQ(pacing.total(), 25200u);
    EXPECT_EQ(pacing.due_by(0), 0u);
    EXPECT_EQ(pacing.due_by(1e-9), 1u);  // the first at once
    EXPECT_EQ(pacing.due_by(1.0), 421u);
    EXPECT_EQ(pacing.due_by(3600), 25200u);  // never past the total
    EXPECT_DOUBLE_EQ(pacing.due_at(420), 1.0);
}

TEST(Pacing, ThePacerSleepsUntilTheNextIsDueWithinItsBounds) {
    const Pacing pacing(10, 10);
    EXPECT_DOUBLE_EQ(next_wake_s(pacing, 5, 0.42), 0.05);  // 0.5 due, but 50 ms at most
    EXPECT_NEAR(next_wake_s(pacing, 5, 0.49), 0.01, 1e-12);
    EXPECT_DOUBLE_EQ(next_wake_s(pacing, 5, 0.6), 0.001);    // late: look again at once
    EXPECT_DOUBLE_EQ(next_wake_s(pacing, 100, 10.0), 0.05);  // all sent
}

// Runs the rotation as the pacer does: a tick every millisecond (sometimes late), every
// request due by then handed an address. Returns each address's send times.
std::vector<std::vector<double>> simulate(double rate, unsigned limit, double seconds,
                                          std::uint64_t* held_back) {
    const auto count = addresses_needed(rate, limit, 0);
    AddressRotation rotation(count, min_gap_s(limit));
    const Pacing pacing(rate, seconds);
    std::vector<std::vector<double>> sent(count);
    Random random(7);
    std::uint64_t next = 0;
    *held_back = 0;
    for (double now = 0; next < pacing.total();) {
        for (const auto due = pacing.due_by(now); next < due; ++next) {
            const auto address = rotation.next(now);
            if (address)
                sent[*address].push_back(now);
            else
                ++*held_back;
        }
        // A tick is a millisecond, now and then 20 ms when the machine is busy.
        now += random.chance(0.01) ? 0.020 : 0.001;
    }
    return sent;
}

std::size_t busiest_minute(const std::vector<double>& times) {
    std::size_t most = 0;
    std::deque<double> window;
    for (const double t : times) {
        window.push_back(t);
        while (window.front() <= t - 60) window.pop_front();
        most = std::max(most, window.size());
    }
    return most;
}

TEST(AddressRotation, NoAddressCrossesItsLimitInAnyMinuteAtFiftyTimesTheSeed) {
    for (const double rate : {420.0, 21000.0}) {
        std::uint64_t held_back = 0;
        const auto sent = simulate(rate, 240, 90, &held_back);
        std::size_t most = 0, used = 0;
        for (const auto& times : sent) {
            most = std::max(most, busiest_minute(times));
            used += !times.empty();
        }
        EXPECT_LT(most, 240u) << rate;
        EXPECT_LE(most, static_cast<std::size_t>(0.9 * 240) + 1) << rate;
        EXPECT_EQ(used, sent.size()) << rate;  // every address takes its turn
        // Late ticks cost at most a few slots: the guard is looser than the sizing.
        EXPECT_LE(held_back, static_cast<std::uint64_t>(rate * 90 * 0.001)) << rate;
    }
}

TEST(AddressRotation, EachAddressInTurn) {
    AddressRotation rotation(3, 1.0);
    EXPECT_EQ(rotation.next(0.0), 0u);
    EXPECT_EQ(rotation.next(0.1), 1u);
    EXPECT_EQ(rotation.next(0.2), 2u);
    // The first sent 0.3 s ago: too soon, and the others sent later still.
    EXPECT_EQ(rotation.next(0.3), std::nullopt);
    EXPECT_EQ(rotation.next(1.0), 0u);
}

TEST(AddressRotation, AnAddressToldToWaitRestsAndTheOthersGoOn) {
    AddressRotation rotation(3, 0.0);
    rotation.rest(1, 10.0);
    EXPECT_TRUE(rotation.resting(1, 5.0));
    std::vector<std::size_t> order;
    for (int i = 0; i < 6; ++i) order.push_back(*rotation.next(1.0 + i));
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 2, 0, 2, 0, 2}));
    EXPECT_FALSE(rotation.resting(1, 10.0));
    EXPECT_EQ(rotation.next(10.0), 0u);
    EXPECT_EQ(rotation.next(10.0), 1u);
}

TEST(AddressRotation, WhenEveryAddressRestsTheSlotIsLetGo) {
    AddressRotation rotation(100, 0.0);
    for (std::size_t i = 0; i < 100; ++i) rotation.rest(i, 30.0);
    EXPECT_EQ(rotation.next(1.0), std::nullopt);
    EXPECT_TRUE(rotation.next(30.0).has_value());
    // A shorter rest given later does not shorten a longer one.
    rotation.rest(5, 40.0);
    rotation.rest(5, 35.0);
    EXPECT_TRUE(rotation.resting(5, 39.0));
}

}  // namespace
}  // namespace rempart::attack
