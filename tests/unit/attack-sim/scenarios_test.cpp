// tools/attack-sim/scenarios: the plans are deterministic, paced and shaped as each attack.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "attack-sim/address_space.hpp"
#include "attack-sim/scenarios.hpp"
#include "attack-sim/solver_timing.hpp"

namespace rempart::attack {
namespace {

ScenarioOptions for_seconds(double seconds, std::uint64_t seed = 7) {
    ScenarioOptions options;
    options.duration_s = seconds;
    options.seed = seed;
    return options;
}

// The most uses of one key within any 60 s.
std::size_t busiest_minute(const Plan& plan, auto key_of) {
    std::map<std::string, std::deque<double>> uses;
    std::size_t most = 0;
    for (const auto& attempt : plan.attempts) {
        if (!attempt.is_fake) continue;
        auto& times = uses[key_of(attempt)];
        times.push_back(attempt.offset_s);
        while (times.front() <= attempt.offset_s - 60) times.pop_front();
        most = std::max(most, times.size());
    }
    return most;
}

bool same(const Plan& a, const Plan& b) {
    if (a.attempts.size() != b.attempts.size()) return false;
    for (std::size_t i = 0; i < a.attempts.size(); ++i) {
        const auto& x = a.attempts[i];
        const auto& y = b.attempts[i];
        if (x.offset_s != y.offset_s || x.ip != y.ip || x.name != y.name || x.email != y.email ||
            x.comment != y.comment || x.confirmation.has_value() != y.confirmation.has_value())
            return false;
    }
    return true;
}

TEST(Scenarios, TheSameSeedGivesTheSamePlanAndAnotherSeedAnother) {
    for (const auto scenario : {Scenario::seed, Scenario::catch_all, Scenario::adaptive,
                                Scenario::viral, Scenario::mix}) {
        EXPECT_TRUE(
            same(make_plan(scenario, for_seconds(60)), make_plan(scenario, for_seconds(60))))
            << to_string(scenario);
        EXPECT_FALSE(
            same(make_plan(scenario, for_seconds(60, 7)), make_plan(scenario, for_seconds(60, 8))))
            << to_string(scenario);
    }
}

TEST(Scenarios, NamesParseByLetterAndByWord) {
    EXPECT_EQ(parse_scenario("a"), Scenario::seed);
    EXPECT_EQ(parse_scenario("d"), Scenario::viral);
    EXPECT_EQ(parse_scenario("catch-all"), Scenario::catch_all);
    EXPECT_EQ(parse_scenario("mix"), Scenario::mix);
    EXPECT_FALSE(parse_scenario("e"));
}

TEST(Scenarios, PeopleSolveInABrowserAndScriptsNatively) {
    for (const auto scenario : {Scenario::seed, Scenario::catch_all, Scenario::adaptive,
                                Scenario::viral, Scenario::mix}) {
        for (const auto& attempt : make_plan(scenario, for_seconds(60)).attempts) {
            if (attempt.is_fake) {
                ASSERT_EQ(attempt.solver.kind, Solver::Kind::native) << to_string(scenario);
                EXPECT_EQ(took_ms(attempt.solver, 5000), 1u);
            } else {
                ASSERT_EQ(attempt.solver.kind, Solver::Kind::browser) << to_string(scenario);
                EXPECT_GE(attempt.solver.hashes_per_ms, 200);
                EXPECT_LE(attempt.solver.hashes_per_ms, 2000);
                EXPECT_GE(attempt.solver.overhead_ms, 30);
                EXPECT_LE(attempt.solver.overhead_ms, 400);
            }
        }
    }
}

TEST(Scenarios, EveryMailboxSignsOnceEvenAsTheServerFoldsGmailsDots) {
    for (const auto scenario : {Scenario::seed, Scenario::catch_all, Scenario::adaptive,
                                Scenario::viral, Scenario::mix}) {
        std::set<std::string> mailboxes;
        for (const auto& attempt : make_plan(scenario, for_seconds(150)).attempts) {
            auto local = attempt.email.substr(0, attempt.email.find('@'));
            const auto domain = attempt.email.substr(attempt.email.find('@') + 1);
            if (domain == "gmail.com") std::erase(local, '.');
            EXPECT_TRUE(mailboxes.insert(local + "@" + domain).second)
                << to_string(scenario) << ": " << attempt.email;
        }
    }
}

TEST(Scenarios, TheSeedsFloodIsSteadyFromAFewHundredHostsOfOneHostingAs) {
    const auto plan = make_plan(Scenario::seed, for_seconds(120));
    ASSERT_EQ(plan.attempts.size(), 600u);  // 5 a second
    std::set<std::string> hosts, networks;
    std::size_t bezos = 0;
    for (const auto& attempt : plan.attempts) {
        EXPECT_TRUE(attempt.is_fake);
        EXPECT_EQ(asn_of(attempt.ip), 16276u);
        hosts.insert(attempt.ip);
        networks.insert(network_24(attempt.ip));
        bezos += attempt.name == "Jeff Bezos";
        EXPECT_FALSE(attempt.confirmation);
    }
    EXPECT_GT(hosts.size(), 150u);
    EXPECT_LE(hosts.size(), 218u);
    EXPECT_LE(networks.size(), 8u);
    EXPECT_GT(bezos, 250u);
    EXPECT_NEAR(plan.attempts[1].offset_s - plan.attempts[0].offset_s, 0.2, 1e-9);

    auto faster = for_seconds(60);
    faster.attack_rate = 20;
    EXPECT_EQ(make_plan(Scenario::seed, faster).attempts.size(), 1200u);
}

TEST(Scenarios, TheCatchAllFloodConfirmsEveryMailWithinSecondsFromItsOwnHosts) {
    const auto plan = make_plan(Scenario::catch_all, for_seconds(60));
    ASSERT_FALSE(plan.attempts.empty());
    for (const auto& attempt : plan.attempts) {
        EXPECT_TRUE(attempt.email.ends_with("@catchall.example")) << attempt.email;
        ASSERT_TRUE(attempt.confirmation);
        EXPECT_LE(attempt.confirmation->delay_s, 10);
        EXPECT_EQ(asn_of(attempt.confirmation->ip), 16276u);
    }
}

TEST(Scenarios, TheAdaptiveAttackerKeepsEveryIpNetworkAndDomainUnderItsLimit) {
    for (const double rate : {2.0, 8.0}) {
        auto options = for_seconds(600);
        options.attack_rate = rate;
        const auto plan = make_plan(Scenario::adaptive, options);
        const auto fakes = std::count_if(plan.attempts.begin(), plan.attempts.end(),
                                         [](const auto& a) { return a.is_fake; });
        EXPECT_NEAR(static_cast<double>(fakes), rate * 600, rate * 600 * 0.1);
        EXPECT_LT(busiest_minute(plan, [](const auto& a) { return a.ip; }), 10u);
        EXPECT_LT(busiest_minute(plan, [](const auto& a) { return network_24(a.ip); }), 60u);
        EXPECT_LT(
            busiest_minute(plan, [](const auto& a) { return a.email.substr(a.email.find('@')); }),
            6000u);
        std::set<std::string> networks, names;
        std::set<std::uint32_t> ases;
        for (const auto& attempt : plan.attempts) {
            if (!attempt.is_fake) continue;
            networks.insert(network_24(attempt.ip));
            ases.insert(asn_of(attempt.ip));
            names.insert(attempt.name);
            EXPECT_TRUE(attempt.confirmation);
        }
        EXPECT_GE(networks.size(), 10u);
        EXPECT_GE(ases.size(), 5u);
        EXPECT_GT(names.size(), static_cast<std::size_t>(fakes) / 3);  // varied, not repeated
    }
}

TEST(Scenarios, TheViralSurgeComesFromThousandsOfEyeballNetworksAndVariedPeople) {
    const auto plan = make_plan(Scenario::viral, for_seconds(120));
    EXPECT_NEAR(static_cast<double>(plan.attempts.size()), 6000, 300);  // 50 a second
    std::set<std::string> networks, names, domains;
    std::map<std::string, std::size_t> per_name;
    std::size_t never = 0, gmail = 0;
    for (const auto& attempt : plan.attempts) {
        EXPECT_FALSE(attempt.is_fake);
        const auto asn = asn_of(attempt.ip);
        EXPECT_TRUE(asn == 3215 || asn == 12322 || asn == 15557 || asn == 5410 || asn == 51207 ||
                    asn == 2200)
            << attempt.ip;
        networks.insert(network_24(attempt.ip));
        names.insert(attempt.name);
        ++per_name[attempt.name];
        const auto domain = attempt.email.substr(attempt.email.find('@') + 1);
        domains.insert(domain);
        gmail += domain == "gmail.com";
        never += !attempt.confirmation;
        if (attempt.confirmation) {
            EXPECT_GE(attempt.confirmation->delay_s, 3);
        }
    }
    EXPECT_GE(networks.size(), 1000u);
    EXPECT_GT(names.size(), 3000u);
    EXPECT_GT(domains.size(), 40u);
    EXPECT_NEAR(static_cast<double>(gmail) / plan.attempts.size(), 0.32, 0.05);
    EXPECT_NEAR(static_cast<double>(never) / plan.attempts.size(), 0.15, 0.03);
    // Even the commonest real name stays far under 1 % of the crowd.
    for (const auto& [name, count] : per_name) EXPECT_LT(count, 20u) << name;
}

TEST(Scenarios, TheMixHidesTheSeedsFloodInTheSurgeFromAQuarterOfTheWay) {
    const auto plan = make_plan(Scenario::mix, for_seconds(120));
    double first_fake = 1e9;
    std::size_t fakes = 0;
    std::set<std::string> mailboxes;
    for (const auto& attempt : plan.attempts) {
        if (attempt.is_fake) first_fake = std::min(first_fake, attempt.offset_s), ++fakes;
        mailboxes.insert(attempt.email);
    }
    EXPECT_NEAR(first_fake, 30, 1e-9);
    EXPECT_EQ(fakes, 450u);
    EXPECT_EQ(mailboxes.size(), plan.attempts.size());  // each signs once
    EXPECT_TRUE(
        std::is_sorted(plan.attempts.begin(), plan.attempts.end(),
                       [](const auto& a, const auto& b) { return a.offset_s < b.offset_s; }));
}

}  // namespace
}  // namespace rempart::attack
