// Tests for shield/front_door: limits, then the gate, then shedding, in that order, and
// the automatic switch fed by what the door saw.
#include "shield/front_door.hpp"

#include <gtest/gtest.h>

#include "shield/network.hpp"

namespace rempart::shield {
namespace {

using namespace std::chrono_literals;
using http::Priority;
using http::RouteClass;
using http::TrafficFamily;

constexpr std::int64_t door_t0 = 1'800'000'000'000;  // Unix ms

const RouteClass page{Priority::high, true, TrafficFamily::page};
const RouteClass api{Priority::normal, false, TrafficFamily::api};
const RouteClass search{Priority::low, true, TrafficFamily::page};
const RouteClass signing{Priority::critical, false, TrafficFamily::none};
const RouteClass confirmation{Priority::critical, false, TrafficFamily::page};
const RouteClass sign_post{Priority::critical, false, TrafficFamily::sign};

std::string host(unsigned n) {  // addresses spread over the 256 /24s of 127.10.0.0/16
    return "127.10." + std::to_string(n % 256) + "." + std::to_string(n / 256 % 250 + 1);
}

class FrontDoorTest : public ::testing::Test {
  protected:
    FrontDoorTest()
        : asns_(*AsnTable::parse("127.10.0.0,127.10.255.255,16276,OVH SAS\n"
                                 "127.64.0.0,127.79.255.255,3215,Orange S.A.\n",
                                 "test")),
          clearance_(std::string(32, 's'), 4h, 5s) {}

    FrontDoor& door(GateMode mode = GateMode::automatic) {
        FrontDoorSettings settings;
        settings.pages.per_ip = 20;
        settings.pages.network_floor = 100;
        settings.pages.as_floor = 1000;
        settings.pages.unlimited_ases = {3215};
        settings.api = settings.pages;
        settings.api.per_ip = 5;
        settings.sign = settings.pages;
        settings.sign.per_ip = 10;
        settings.per_clearance = {1.0, 50};
        settings.attack.min_rate = 50;
        settings.attack.surge_seconds = 3;
        settings.attack.pressure_seconds = 2;
        settings.attack.calm_seconds = 5;
        settings.known_after = 60;
        settings.mode = mode;
        door_ =
            std::make_unique<FrontDoor>(settings, clearance_, &asns_, [this] { return pressure_; });
        return *door_;
    }

    std::string cookie_for(std::string_view ip, std::int64_t now_ms = door_t0) {
        return clearance_.issue(wide_network(ip), now_ms / 1000);
    }

    AsnTable asns_;
    Clearance clearance_;
    Pressure pressure_;
    std::unique_ptr<FrontDoor> door_;
};

TEST_F(FrontDoorTest, ACalmVisitorPasses) {
    auto& d = door();
    EXPECT_TRUE(d.admit({"127.10.0.1", "", true}, page, door_t0).passed());
    EXPECT_EQ(d.decisions(Decision::pass), 1u);
}

TEST_F(FrontDoorTest, PastItsPageLimitAnAddressGets429Advice) {
    auto& d = door();
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(d.admit({"127.10.0.1", "", true}, page, door_t0 + i).passed());
    const auto refused = d.admit({"127.10.0.1", "", true}, page, door_t0 + 20);
    EXPECT_EQ(refused.decision, Decision::limited_ip);
    EXPECT_GE(refused.retry_after, 1s);
    EXPECT_EQ(d.decisions(Decision::limited_ip), 1u);
}

TEST_F(FrontDoorTest, PagesAndTheApiAreCountedApart) {
    auto& d = door();
    for (int i = 0; i < 5; ++i)
        ASSERT_TRUE(d.admit({"127.10.0.1", "", true}, api, door_t0).passed());
    EXPECT_EQ(d.admit({"127.10.0.1", "", true}, api, door_t0).decision, Decision::limited_ip);
    EXPECT_TRUE(d.admit({"127.10.0.1", "", true}, page, door_t0).passed());
}

TEST_F(FrontDoorTest, JunkPostsAreLimitedApartAndTheirSenderStillReads) {
    auto& d = door(GateMode::on);
    const auto cookie = cookie_for("127.10.0.1");
    // Posts to the signing form: counted by the address even with a clearance cookie.
    for (int i = 0; i < 10; ++i)
        ASSERT_TRUE(d.admit({"127.10.0.1", cookie, false}, sign_post, door_t0 + i).passed());
    const auto refused = d.admit({"127.10.0.1", cookie, false}, sign_post, door_t0 + 10);
    EXPECT_EQ(refused.decision, Decision::limited_ip);
    EXPECT_GE(refused.retry_after, 1s);
    // Reading is another family; another address of the network still posts.
    EXPECT_TRUE(d.admit({"127.10.0.1", cookie, true}, page, door_t0 + 11).passed());
    EXPECT_TRUE(d.admit({"127.10.0.2", "", false}, sign_post, door_t0 + 12).passed());
    // Signing is never behind the gate.
    EXPECT_NE(d.admit({"127.10.0.3", "", false}, sign_post, door_t0 + 13).decision,
              Decision::gated);
}

TEST_F(FrontDoorTest, ABotnetUnderThePerAddressLimitIsHeldByItsAs) {
    auto& d = door();
    int passed = 0;
    for (unsigned n = 0; n < 3000; ++n)
        passed += d.admit({host(n), "", true}, page, door_t0 + n).passed();
    EXPECT_EQ(passed, 1000);  // the hosting AS's floor a minute
    EXPECT_EQ(d.decisions(Decision::limited_as), 2000u);
}

TEST_F(FrontDoorTest, TheGateStandsBeforeReadsOfGatedRoutesOnly) {
    auto& d = door(GateMode::on);
    const auto gated = d.admit({"127.64.0.1", "", true}, page, door_t0);
    EXPECT_EQ(gated.decision, Decision::gated);
    EXPECT_EQ(gated.retry_after, 5s);
    EXPECT_TRUE(d.admit({"127.64.0.1", "", false}, page, door_t0).passed());  // a POST: never
    EXPECT_TRUE(d.admit({"127.64.0.1", "", true}, api, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.1", "", true}, confirmation, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.1", "", false}, signing, door_t0).passed());
}

TEST_F(FrontDoorTest, AValidClearanceOpensTheGateOnItsNetworkOnly) {
    auto& d = door(GateMode::on);
    const auto cookie = cookie_for("127.64.0.1");
    EXPECT_TRUE(d.admit({"127.64.0.1", cookie, true}, page, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.77", cookie, true}, page, door_t0).passed());  // same /24
    EXPECT_EQ(d.admit({"127.64.1.1", cookie, true}, page, door_t0).decision, Decision::gated);
}

TEST_F(FrontDoorTest, AForgedOrExpiredClearanceDoesNotOpenTheGate) {
    auto& d = door(GateMode::on);
    auto forged = cookie_for("127.64.0.1");
    forged.back() = forged.back() == 'a' ? 'b' : 'a';
    EXPECT_EQ(d.admit({"127.64.0.1", forged, true}, page, door_t0).decision, Decision::gated);
    const auto old = cookie_for("127.64.0.1", door_t0 - 5 * 3600 * 1000);
    EXPECT_EQ(d.admit({"127.64.0.1", old, true}, page, door_t0).decision, Decision::gated);
    EXPECT_EQ(d.admit({"127.64.0.1", "not-ours", true}, page, door_t0).decision, Decision::gated);
}

TEST_F(FrontDoorTest, AClearedBrowserHasItsOwnLimitInsteadOfItsAddresss) {
    auto& d = door(GateMode::on);
    // Many people behind one carrier address: past the address's limit, each cleared
    // browser still passes, up to its own burst.
    for (int i = 0; i < 20; ++i)
        ASSERT_TRUE(d.admit({"127.64.0.1", "", false}, page, door_t0).passed());
    const auto cookie = cookie_for("127.64.0.1");
    int passed = 0;
    for (int i = 0; i < 60; ++i)
        passed += d.admit({"127.64.0.1", cookie, true}, page, door_t0).passed();
    EXPECT_EQ(passed, 50);
    EXPECT_EQ(d.admit({"127.64.0.1", cookie, true}, page, door_t0).decision,
              Decision::limited_clearance);
    EXPECT_TRUE(d.admit({"127.64.0.1", cookie_for("127.64.0.1"), true}, page, door_t0).passed());
}

TEST_F(FrontDoorTest, WhenTheStoreFallsBehindSearchGoesFirstThenTheApi) {
    auto& d = door();
    pressure_ = {0ms, 10};
    EXPECT_EQ(d.admit({"127.64.0.1", "", true}, search, door_t0).decision, Decision::shed);
    EXPECT_TRUE(d.admit({"127.64.0.1", "", true}, api, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.1", "", true}, page, door_t0).passed());
    pressure_ = {0ms, 40};
    EXPECT_EQ(d.admit({"127.64.0.2", "", true}, api, door_t0).decision, Decision::shed);
    EXPECT_TRUE(d.admit({"127.64.0.2", "", true}, page, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.2", "", false}, signing, door_t0).passed());
    EXPECT_TRUE(d.admit({"127.64.0.2", "", false}, confirmation, door_t0).passed());
}

TEST_F(FrontDoorTest, AWaveOfUnknownNetworksSwitchesTheGateOnThenCalmSwitchesItOff) {
    auto& d = door();
    std::int64_t now = door_t0;
    unsigned n = 0;
    std::optional<GateStatus> switched;
    for (int second = 0; second < 3 && !switched; ++second, now += 1000) {
        for (int i = 0; i < 100; ++i) d.admit({host(n++), "", true}, page, now);
        switched = d.tick(now + 999);
    }
    ASSERT_TRUE(switched);
    EXPECT_TRUE(switched->on);
    EXPECT_EQ(switched->reason, "surge");
    EXPECT_EQ(d.admit({host(n++), "", true}, page, now).decision, Decision::gated);
    // Calm for the calm seconds: the gate goes by itself.
    switched.reset();
    for (int second = 0; second < 5; ++second, now += 1000) {
        d.admit({"127.64.0.9", "", true}, page, now);
        if (auto s = d.tick(now + 999)) switched = s;
    }
    ASSERT_TRUE(switched);
    EXPECT_FALSE(switched->on);
    EXPECT_TRUE(d.admit({host(n++), "", true}, page, now).passed());
    EXPECT_EQ(d.gate_switches(), 2u);
}

TEST_F(FrontDoorTest, KnownNetworksAreNotAWave) {
    auto& d = door();
    // Two hundred regular networks, seen a while ago.
    for (unsigned i = 0; i < 200; ++i) d.admit({host(i), "", true}, page, door_t0);
    d.tick(door_t0 + 500);
    std::int64_t now = door_t0 + 120'000;
    for (int second = 0; second < 10; ++second, now += 1000) {
        for (unsigned i = 0; i < 200; ++i) d.admit({host(i), "", true}, page, now);
        EXPECT_FALSE(d.tick(now + 999)) << second;
    }
    EXPECT_FALSE(d.status().on);
}

TEST_F(FrontDoorTest, OverloadSwitchesTheGateOn) {
    auto& d = door();
    pressure_ = {500ms, 0};
    EXPECT_FALSE(d.tick(door_t0));
    const auto switched = d.tick(door_t0 + 1000);
    ASSERT_TRUE(switched);
    EXPECT_EQ(switched->reason, "load");
}

TEST_F(FrontDoorTest, AnAdminChoiceWins) {
    auto& d = door();
    d.set_mode(GateMode::on);
    EXPECT_TRUE(d.status().on);
    EXPECT_EQ(d.admit({"127.64.0.1", "", true}, page, door_t0).decision, Decision::gated);
    d.set_mode(GateMode::off);
    EXPECT_FALSE(d.status().on);
    EXPECT_TRUE(d.admit({"127.64.0.1", "", true}, page, door_t0).passed());
}

}  // namespace
}  // namespace rempart::shield
