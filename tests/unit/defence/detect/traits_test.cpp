// Tests for the signs of automation read from one event.
#include <gtest/gtest.h>

#include "defence/detect/traits.hpp"

namespace rempart::defence::detect {
namespace {

constexpr std::string_view firefox =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

signatures::SigningEvent browser_event() {
    signatures::SigningEvent event;
    event.user_agent = std::string(firefox);
    event.asn = 3215;
    event.as_looked_up = true;
    event.pow_number = 5000;
    event.pow_took_ms = 900;
    return event;
}

// The signs of automation, without the mark of a proof large enough to time.
Traits signs(const signatures::SigningEvent& event, const TraitRules& rules = {}) {
    return traits_of(event, rules) & static_cast<Traits>(~timed_proof);
}

TEST(Traits, APersonsBrowserAtHomeShowsNone) {
    EXPECT_EQ(traits_of(browser_event(), {}), timed_proof);
    EXPECT_EQ(signs(browser_event()), 0);
    EXPECT_EQ(automation_key(0), "");
}

TEST(Traits, RobotAgentsAreToolsAndHeadlessBrowsers) {
    for (const auto* agent : {"", "curl/8.5.0", "python-requests/2.31.0", "Go-http-client/2.0",
                              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
                              "Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                              "okhttp/4.12", "Wget/1.21", "axios/1.6.0"})
        EXPECT_TRUE(robot_agent(agent)) << agent;
    for (const auto* agent :
         {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
          "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
          "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/120.0.0.0 Safari/537.36"})
        EXPECT_FALSE(robot_agent(agent)) << agent;
    auto event = browser_event();
    event.user_agent = "curl/8.5.0";
    EXPECT_EQ(signs(event), robot);
    EXPECT_EQ(automation_key(robot), "robot");
}

TEST(Traits, DataCentresAndUnlistedAddresses) {
    auto event = browser_event();
    event.asn = 16276;  // OVH
    EXPECT_EQ(signs(event), hosting);
    event.asn.reset();
    EXPECT_EQ(signs(event), unlisted);
    // Without an AS table nothing is known, so nothing is unlisted.
    event.as_looked_up = false;
    EXPECT_EQ(signs(event), 0);
    TraitRules rules;
    rules.hosting_networks = {3215};
    event.asn = 3215;
    EXPECT_EQ(signs(event, rules), hosting);
    EXPECT_EQ(automation_key(hosting | robot | instant_proof), "hosting");
}

TEST(Traits, AProofSolvedFasterThanABrowserHashes) {
    auto event = browser_event();
    event.pow_number = 50'000;
    event.pow_took_ms = 12;  // over 4,000 hashes a millisecond: a native solver
    EXPECT_EQ(signs(event), instant_proof);
    event.pow_took_ms = 13;  // 3,846 a millisecond: a fast browser's workers
    EXPECT_EQ(signs(event), 0);
    event.pow_took_ms.reset();  // no time said: as fast as can be
    EXPECT_EQ(signs(event), instant_proof);
    // Too little work to time: a browser finds a small number in a millisecond too.
    event.pow_number = 1999;
    event.pow_took_ms = 1;
    EXPECT_EQ(traits_of(event, {}), 0);
}

TEST(Traits, AProofLargeEnoughToTimeSolvedBeforeAWidgetCanStart) {
    auto event = browser_event();
    event.pow_number = 2000;
    event.pow_took_ms = 9;  // 222 hashes a millisecond, but a widget takes longer to start
    EXPECT_EQ(traits_of(event, {}), timed_proof | instant_proof);
    event.pow_took_ms = 10;
    EXPECT_EQ(traits_of(event, {}), timed_proof);
    TraitRules rules;
    rules.min_browser_took_ms = 1;
    event.pow_took_ms = 1;  // 2,000 a millisecond, and a rule that lets so quick a start by
    EXPECT_EQ(signs(event, rules), 0);
    EXPECT_EQ(automation_key(timed_proof), "");
}

TEST(Traits, AConfirmationWithinSecondsOfTheMail) {
    auto event = browser_event();
    event.kind = signatures::SigningEvent::Kind::confirmation;
    event.pow_number.reset();
    event.seconds_after_signing = 1;
    EXPECT_EQ(traits_of(event, {}), instant_proof);  // a confirmation's proof is not timed
    event.seconds_after_signing = 3;
    EXPECT_EQ(traits_of(event, {}), 0);
    event.kind = signatures::SigningEvent::Kind::withdrawal;
    event.user_agent.clear();
    EXPECT_EQ(traits_of(event, {}), 0);
}

}  // namespace
}  // namespace rempart::defence::detect
