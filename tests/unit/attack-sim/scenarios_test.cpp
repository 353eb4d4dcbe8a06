// tools/attack-sim/scenarios: the plans are deterministic, paced and shaped as each attack.
#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "attack-sim/address_space.hpp"
#include "attack-sim/scenarios.hpp"
#include "attack-sim/solver_timing.hpp"
#include "attack-sim/word_lists.hpp"

namespace rempart::attack {
namespace {

ScenarioOptions for_seconds(double seconds, std::uint64_t seed = 7) {
    ScenarioOptions options;
    options.duration_s = seconds;
    options.seed = seed;
    return options;
}

// The most uses of one key within any 60 s, by the fakes (or by the real signers).
std::size_t busiest_minute(const Plan& plan, auto key_of, bool fakes = true) {
    std::map<std::string, std::deque<double>> uses;
    std::size_t most = 0;
    for (const auto& attempt : plan.attempts) {
        if (attempt.is_fake != fakes) continue;
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

std::string domain_of(const std::string& email) {
    return email.substr(email.find('@') + 1);
}

bool contains(std::span<const std::string_view> list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_eyeball(std::uint32_t asn) {
    for (const auto& block : as_blocks())
        if (block.asn == asn) return !block.hosting && asn != 64500;
    return false;
}

bool is_hosting(std::uint32_t asn) {
    for (const auto& block : as_blocks())
        if (block.asn == asn) return block.hosting;
    return false;
}

bool is_mobile(std::uint32_t asn) {
    for (const auto& share : mobile_shares())
        if (share.asn == asn) return true;
    return false;
}

double share(std::size_t part, std::size_t whole) {
    return static_cast<double>(part) / static_cast<double>(whole);
}

TEST(Scenarios, TheSameSeedGivesTheSamePlanAndAnotherSeedAnother) {
    for (const auto scenario : every_scenario()) {
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
    EXPECT_EQ(parse_scenario("c-mailboxes"), Scenario::adaptive_mailboxes);
    EXPECT_FALSE(parse_scenario("e"));
    for (const auto scenario : every_scenario()) {
        EXPECT_EQ(parse_scenario(to_string(scenario)), scenario);
        EXPECT_FALSE(label(scenario).empty()) << to_string(scenario);
    }
    EXPECT_EQ(every_scenario().size(), 12u);
    EXPECT_EQ(to_string(Scenario::association_mix), "association-mix");
    EXPECT_EQ(default_duration_s(Scenario::seed), 120);
    EXPECT_EQ(default_duration_s(Scenario::association), 150);
    EXPECT_EQ(default_duration_s(Scenario::campus_mix), 150);
    EXPECT_TRUE(is_real_crowd(Scenario::comments));
    EXPECT_FALSE(is_real_crowd(Scenario::comments_mix));
}

TEST(Scenarios, PeopleSolveInABrowserAndScriptsNatively) {
    for (const auto scenario : every_scenario()) {
        const auto plan = make_plan(scenario, for_seconds(60));
        EXPECT_FALSE(plan.attempts.empty()) << to_string(scenario);
        for (const auto& attempt : plan.attempts) {
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
    for (const auto scenario : every_scenario()) {
        std::set<std::string> mailboxes;
        const auto plan = make_plan(scenario, for_seconds(150));
        EXPECT_FALSE(plan.attempts.empty()) << to_string(scenario);
        for (const auto& attempt : plan.attempts) {
            auto local = attempt.email.substr(0, attempt.email.find('@'));
            const auto domain = domain_of(attempt.email);
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

TEST(Scenarios, TheAssociationsMembersShareItsDomainAndItsCommentFromTheirHomes) {
    ScenarioOptions options;  // the defaults: 250 members in 150 s
    options.duration_s = default_duration_s(Scenario::association);
    const auto plan = make_plan(Scenario::association, options);
    ASSERT_EQ(plan.attempts.size(), 250u);
    std::size_t own_domain = 0, pasted = 0, from_phone = 0, local = 0, with_postcode = 0;
    std::set<std::uint32_t> ases;
    std::set<std::string> homes;
    for (const auto& attempt : plan.attempts) {
        EXPECT_FALSE(attempt.is_fake);
        EXPECT_GE(attempt.offset_s, 0);
        EXPECT_LT(attempt.offset_s, 150);
        EXPECT_TRUE(attempt.user_agent.starts_with("Mozilla/5.0")) << attempt.user_agent;
        const auto asn = asn_of(attempt.ip);
        EXPECT_TRUE(is_eyeball(asn)) << attempt.ip;
        ases.insert(asn);
        homes.insert(attempt.ip);
        if (domain_of(attempt.email) == association_domain) {
            ++own_domain;
            // One plain mailbox a member: first.last, a number only for namesakes.
            EXPECT_TRUE(attempt.email.starts_with(plain_mailbox(attempt.name))) << attempt.email;
        }
        pasted += attempt.comment == association_comment;
        if (!attempt.postcode.empty()) {
            ++with_postcode;
            local += attempt.postcode.starts_with("53");
        }
        ASSERT_TRUE(attempt.confirmation);
        EXPECT_GE(attempt.confirmation->delay_s, 3);
        EXPECT_LE(attempt.confirmation->delay_s, 40);
        if (attempt.confirmation->ip != attempt.ip) {
            ++from_phone;
            EXPECT_TRUE(is_mobile(asn_of(attempt.confirmation->ip))) << attempt.confirmation->ip;
        }
    }
    EXPECT_NEAR(share(own_domain, 250), 0.6, 0.08);
    EXPECT_NEAR(share(pasted, 250), 0.4, 0.08);
    EXPECT_NEAR(share(from_phone, 250), 0.25, 0.08);
    EXPECT_GT(share(local, with_postcode), 0.8);
    EXPECT_EQ(ases.size(), 8u);
    // A few couples sign from one box; most members from a home of their own.
    EXPECT_LT(homes.size(), 250u);
    EXPECT_GT(homes.size(), 200u);
    EXPECT_LT(busiest_minute(
                  plan, [](const auto& a) { return a.ip; }, false),
              10u);

    auto faster = for_seconds(60);
    faster.crowd_rate = 4;
    EXPECT_EQ(make_plan(Scenario::association, faster).attempts.size(), 240u);
}

TEST(Scenarios, TheCommentWaveRepeatsBravoAndJeSigneFromBigProvidersAndEyeballNetworks) {
    const auto plan = make_plan(Scenario::comments, for_seconds(150));
    ASSERT_EQ(plan.attempts.size(), 250u);
    std::size_t bravo = 0, je_signe = 0, none = 0;
    std::set<std::string> others, networks;
    for (const auto& attempt : plan.attempts) {
        EXPECT_FALSE(attempt.is_fake);
        EXPECT_TRUE(is_eyeball(asn_of(attempt.ip))) << attempt.ip;
        networks.insert(network_24(attempt.ip));
        EXPECT_TRUE(contains(big_mail_providers(), domain_of(attempt.email))) << attempt.email;
        if (attempt.comment == bravo_comment)
            ++bravo;
        else if (attempt.comment == je_signe_comment)
            ++je_signe;
        else if (attempt.comment.empty())
            ++none;
        else
            others.insert(attempt.comment);
    }
    EXPECT_NEAR(share(bravo, 250), 0.30, 0.07);
    EXPECT_NEAR(share(je_signe, 250), 0.10, 0.05);
    EXPECT_NEAR(share(none, 250), 0.35, 0.08);
    EXPECT_GT(others.size(), 20u);  // the rest say it their own way
    EXPECT_GT(networks.size(), 200u);
}

TEST(Scenarios, TheCampusSurgeSharesOneDomainAndAFewNatAddressesUnderTheLimits) {
    const auto plan = make_plan(Scenario::campus, for_seconds(150));
    EXPECT_NEAR(static_cast<double>(plan.attempts.size()), 3000, 200);  // 20 a second
    std::size_t university = 0, on_campus = 0, regional = 0;
    std::set<std::string> nat, campus_networks;
    for (const auto& attempt : plan.attempts) {
        EXPECT_FALSE(attempt.is_fake);
        const auto domain = domain_of(attempt.email);
        if (domain == university_domain)
            ++university;
        else
            EXPECT_TRUE(contains(small_mail_domains(), domain)) << attempt.email;
        const auto asn = asn_of(attempt.ip);
        EXPECT_TRUE(is_eyeball(asn)) << attempt.ip;
        if (asn == university_asn) {
            ++on_campus;
            nat.insert(attempt.ip);
            campus_networks.insert(network_24(attempt.ip));
        }
        regional += asn == 24904 || asn == 29075;
    }
    const auto n = plan.attempts.size();
    EXPECT_NEAR(share(university, n), 0.35, 0.04);
    EXPECT_NEAR(share(on_campus, n), 0.30, 0.04);
    EXPECT_GT(share(regional, n - on_campus), 0.12);
    // A dozen /24s of the education network, several students behind each address...
    EXPECT_GE(campus_networks.size(), 8u);
    EXPECT_LE(campus_networks.size(), 16u);
    EXPECT_GT(share(on_campus, nat.size()), 3);
    // ... and none past the signing limits of an address (10 a minute) or a /24 (60).
    EXPECT_LT(busiest_minute(
                  plan, [](const auto& a) { return a.ip; }, false),
              10u);
    EXPECT_LT(busiest_minute(
                  plan, [](const auto& a) { return network_24(a.ip); }, false),
              60u);
}

TEST(Scenarios, TheAdaptiveAttackerWithMailboxesLooksLikeTheCrowdsProvidersButStaysAScript) {
    auto options = for_seconds(600);
    const auto plan = make_plan(Scenario::adaptive_mailboxes, options);
    std::map<std::string, std::size_t> fake_domains;
    std::size_t fakes = 0, reals = 0;
    std::set<std::string> locals;
    for (const auto& attempt : plan.attempts) {
        if (!attempt.is_fake) {
            ++reals;
            continue;
        }
        ++fakes;
        ++fake_domains[domain_of(attempt.email)];
        locals.insert(attempt.email.substr(0, attempt.email.find('@')));
        EXPECT_TRUE(is_hosting(asn_of(attempt.ip))) << attempt.ip;
        EXPECT_FALSE(contains(attacker_catch_all_domains(), domain_of(attempt.email)));
        ASSERT_TRUE(attempt.confirmation);
        EXPECT_TRUE(is_hosting(asn_of(attempt.confirmation->ip)));
        EXPECT_GE(attempt.confirmation->delay_s, 10);
    }
    EXPECT_NEAR(static_cast<double>(fakes), 2.0 * 600, 120);
    EXPECT_NEAR(static_cast<double>(reals), 3.0 * 600, 180);
    for (const auto& [domain, count] : fake_domains)
        EXPECT_TRUE(contains(big_mail_providers(), domain)) << domain;
    // Spread as a crowd's mail is: gmail.com first, about a third, no domain of its own.
    EXPECT_NEAR(share(fake_domains["gmail.com"], fakes), 0.38, 0.06);
    EXPECT_GT(locals.size(), fakes * 9 / 10);
    EXPECT_LT(busiest_minute(plan, [](const auto& a) { return a.ip; }), 10u);
    EXPECT_LT(busiest_minute(plan, [](const auto& a) { return network_24(a.ip); }), 60u);
}

TEST(Scenarios, EachCrowdsMixHidesTheSeedsFloodInItFromAQuarterOfTheWay) {
    const std::array<std::pair<Scenario, Scenario>, 3> mixes{{
        {Scenario::association_mix, Scenario::association},
        {Scenario::comments_mix, Scenario::comments},
        {Scenario::campus_mix, Scenario::campus},
    }};
    for (const auto& [mix, crowd] : mixes) {
        const auto options = for_seconds(150);
        const auto plan = make_plan(mix, options);
        const auto alone = make_plan(crowd, options);
        double first_fake = 1e9;
        std::size_t fakes = 0, reals = 0;
        for (const auto& attempt : plan.attempts) {
            if (attempt.is_fake) {
                first_fake = std::min(first_fake, attempt.offset_s);
                ++fakes;
                EXPECT_EQ(asn_of(attempt.ip), 16276u);
            } else {
                ++reals;
            }
        }
        EXPECT_NEAR(first_fake, 37.5, 1e-9) << to_string(mix);
        EXPECT_EQ(fakes, 562u) << to_string(mix);  // 112.5 s at 5 a second
        EXPECT_EQ(reals, alone.attempts.size()) << to_string(mix);
        EXPECT_TRUE(
            std::is_sorted(plan.attempts.begin(), plan.attempts.end(),
                           [](const auto& a, const auto& b) { return a.offset_s < b.offset_s; }));
    }
}

}  // namespace
}  // namespace rempart::attack
