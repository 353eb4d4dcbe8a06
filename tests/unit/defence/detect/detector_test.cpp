// Tests for the streaming detector on synthetic streams: the seed's flood, a catch-all
// domain, a television surge, and an attack hidden in a surge.
#include <gtest/gtest.h>

#include <random>

#include "defence/detect/detector.hpp"

namespace rempart::defence::detect {
namespace {

// A crowd of real people: names from many first and last names, comments mostly empty and
// otherwise varied with a few common ones, the country's big mail providers and ISPs,
// thousands of networks, a handful of browser versions.
class Crowd {
  public:
    explicit Crowd(unsigned seed) : random_(seed) {}

    Attempt next(std::int64_t at_ms, std::int64_t petition = 1) {
        Attempt a;
        a.at_ms = at_ms;
        a.petition_id = petition;
        const auto pick = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
        };
        const auto chance = [&](double p) {
            return std::uniform_real_distribution<>(0, 1)(random_) < p;
        };
        // Zipf-like: popular first and last names are more frequent, but full names spread.
        const auto skewed = [&](std::size_t n) {
            const double u = std::uniform_real_distribution<>(0, 1)(random_);
            return static_cast<std::size_t>(std::pow(u, 2.0) * static_cast<double>(n));
        };
        a.keys[0] = "first" + std::to_string(skewed(300)) + " last" + std::to_string(skewed(2000));
        if (chance(0.3)) {
            static const char* common[] = {"bravo", "merci", "je signe", "enfin", "oui"};
            a.keys[1] = chance(0.3) ? common[pick(5)] : "comment" + std::to_string(pick(100000));
        }
        static const std::pair<const char*, double> domains[] = {
            {"gmail.com", 0.35}, {"orange.fr", 0.12},   {"hotmail.fr", 0.10}, {"free.fr", 0.08},
            {"sfr.fr", 0.05},    {"laposte.net", 0.04}, {"yahoo.fr", 0.04}};
        double u = std::uniform_real_distribution<>(0, 1)(random_);
        a.keys[2] = "small" + std::to_string(pick(3000)) + ".fr";
        for (const auto& [domain, share] : domains) {
            if (u < share) {
                a.keys[2] = domain;
                break;
            }
            u -= share;
        }
        a.keys[3] =
            "net:10." + std::to_string(pick(250)) + "." + std::to_string(pick(250)) + ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(pick(250));
        static const std::pair<const char*, double> ases[] = {
            {"as:3215", 0.35}, {"as:12322", 0.15}, {"as:15557", 0.12}, {"as:5410", 0.08}};
        u = std::uniform_real_distribution<>(0, 1)(random_);
        a.keys[4] = "as:" + std::to_string(64000 + pick(400));
        for (const auto& [as, share] : ases) {
            if (u < share) {
                a.keys[4] = as;
                break;
            }
            u -= share;
        }
        a.keys[5] = "Mozilla/5.0 Chrome/" + std::to_string(120 + pick(12));
        return a;
    }

  private:
    std::mt19937 random_;
};

// The seed's flood: a few hundred addresses, two celebrity names, one comment.
class SeedFlood {
  public:
    explicit SeedFlood(unsigned seed) : random_(seed) {}
    Attempt next(std::int64_t at_ms, std::int64_t petition = 1) {
        Attempt a;
        a.at_ms = at_ms;
        a.petition_id = petition;
        const auto pick = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
        };
        const auto roll = pick(100);
        a.keys[0] = roll < 45   ? "jeff bezos"
                    : roll < 90 ? "bill gates"
                                : "x" + std::to_string(pick(1000));
        a.keys[1] = "deso pas deso";
        a.keys[2] = roll % 2 ? "gmail.com" : "hotmail.fr";
        a.keys[3] =
            "net:172." + std::to_string(16 + pick(8)) + "." + std::to_string(pick(30)) + ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(pick(250));
        a.keys[4] = "as:" + std::to_string(16276 + pick(3));  // hosting providers
        a.keys[5] = "python-requests/2.31";
        a.traits = hosting | robot;
        a.keys[7] = "hosting";
        return a;
    }

  private:
    std::mt19937 random_;
};

// A slow adaptive attacker: many networks of three hosting ASes, varied names, no comment,
// five catch-all domains in turn, browsers varied; every key under its rate limit.
class SlowAttacker {
  public:
    explicit SlowAttacker(unsigned seed) : random_(seed) {}
    Attempt next(std::int64_t at_ms, std::int64_t petition = 1) {
        Attempt a;
        a.at_ms = at_ms;
        a.petition_id = petition;
        const auto pick = [&](std::size_t n) {
            return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
        };
        a.keys[0] = "first" + std::to_string(pick(300)) + " last" + std::to_string(pick(2000));
        a.keys[2] = "catchall" + std::to_string(turn_++ % 5) + ".example";
        a.keys[3] =
            "net:172." + std::to_string(16 + pick(8)) + "." + std::to_string(pick(250)) + ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(pick(250));
        static const char* hosting_ases[] = {"as:16276", "as:24940", "as:14061"};
        a.keys[4] = hosting_ases[pick(3)];
        a.keys[5] = "Mozilla/5.0 Chrome/" + std::to_string(120 + pick(12));
        a.traits = hosting | instant_proof | timed_proof;  // a native solver
        a.keys[7] = "hosting";
        return a;
    }

  private:
    std::mt19937 random_;
    std::size_t turn_ = 0;
};

// Confirmations: the attacker's script from one network, a crowd's from its own networks.
class Confirmations {
  public:
    Confirmations(unsigned seed, std::string script_network)
        : random_(seed), script_network_(std::move(script_network)) {}
    Attempt next(std::int64_t at_ms, std::int64_t petition = 1) {
        Attempt a;
        a.at_ms = at_ms;
        a.petition_id = petition;
        a.is_confirmation = true;
        auto& key = a.keys[static_cast<std::size_t>(Dimension::confirm_network)];
        if (!script_network_.empty()) {
            key = script_network_;
            a.traits = hosting | robot;  // the script reads the mailbox from its servers
            return a;
        }
        const auto n = std::uniform_int_distribution<int>(0, 62499)(random_);
        key = "net:10." + std::to_string(n % 250) + "." + std::to_string(n / 250) + ".0/24";
        return a;
    }

  private:
    std::mt19937 random_;
    std::string script_network_;
};

struct Run {
    std::vector<Observation> clusters;
    std::vector<bool> acted;  // beside each cluster
    std::int64_t first_cluster_ms = -1;
};

// Feeds `per_second` attempts a second from each source for `seconds`, interleaved.
template <class... Sources>
Run feed(Detector& detector, int seconds, std::pair<Sources*, double>... sources) {
    Run run;
    const std::int64_t start = 1'800'000'000'000;
    std::vector<std::pair<std::function<Attempt(std::int64_t)>, double>> streams;
    (streams.push_back(
         {[s = sources.first](std::int64_t t) { return s->next(t); }, sources.second}),
     ...);
    std::vector<double> due(streams.size(), 0);
    for (std::int64_t ms = 0; ms < seconds * 1000LL; ms += 10) {
        for (std::size_t i = 0; i < streams.size(); ++i) {
            due[i] += streams[i].second / 100.0;
            while (due[i] >= 1) {
                due[i] -= 1;
                for (auto& finding : detector.observe(streams[i].first(start + ms))) {
                    if (run.first_cluster_ms < 0) run.first_cluster_ms = ms;
                    run.clusters.push_back(std::move(finding.cluster));
                    run.acted.push_back(finding.judgement.act);
                }
            }
        }
    }
    return run;
}

bool has(const Run& run, Dimension dimension, const std::string& value) {
    for (const auto& cluster : run.clusters)
        if (cluster.dimension == dimension && cluster.key_value == value) return true;
    return false;
}

bool acted_on(const Run& run, Dimension dimension, const std::string& value) {
    for (std::size_t i = 0; i < run.clusters.size(); ++i)
        if (run.acted[i] && run.clusters[i].dimension == dimension &&
            run.clusters[i].key_value == value)
            return true;
    return false;
}

TEST(SigningFlood, TheSeedsAttackStandsOutWithinSeconds) {
    Detector detector;
    SeedFlood flood(1);
    const auto run = feed(detector, 60, std::pair{&flood, 5.0});
    ASSERT_TRUE(acted_on(run, Dimension::name, "jeff bezos"));
    EXPECT_TRUE(acted_on(run, Dimension::name, "bill gates"));
    EXPECT_TRUE(acted_on(run, Dimension::comment, "deso pas deso"));
    EXPECT_GE(run.first_cluster_ms, 0);
    EXPECT_LT(run.first_cluster_ms, 15000);  // 20 of one name at 5 a second
    for (const auto& cluster : run.clusters) {
        if (cluster.key_value == "jeff bezos") {
            EXPECT_LT(cluster.distinct_networks, 250);
        }
    }
}

TEST(SigningFlood, AClusterNamesTheNetworksAndAsesItCameFrom) {
    Detector detector;
    SeedFlood flood(3);
    Crowd crowd(4);
    const auto run = feed(detector, 30, std::pair{&flood, 5.0}, std::pair{&crowd, 20.0});
    ASSERT_TRUE(has(run, Dimension::comment, "deso pas deso"));
    for (const auto& cluster : run.clusters) {
        if (cluster.key_value != "deso pas deso") continue;
        ASSERT_FALSE(cluster.networks.empty());
        std::size_t sum = 0;
        for (std::size_t i = 0; i < cluster.networks.size(); ++i) {
            const auto& network = cluster.networks[i];
            EXPECT_EQ(network.key.rfind("net:172.", 0), 0u) << network.key;  // the flood's only
            EXPECT_LE(network.in_cluster, network.in_window);
            if (i > 0) {
                EXPECT_LE(network.in_cluster, cluster.networks[i - 1].in_cluster);
            }
            sum += network.in_cluster;
        }
        EXPECT_EQ(static_cast<std::int64_t>(sum), cluster.attempts_in_window);
        EXPECT_EQ(static_cast<std::int64_t>(cluster.networks.size()), cluster.distinct_networks);
        ASSERT_FALSE(cluster.ases.empty());
        for (const auto& as : cluster.ases) {
            EXPECT_GE(as.key, "as:16276");
            EXPECT_LE(as.key, "as:16278");
            EXPECT_EQ(as.in_cluster, as.in_window);  // the hosting ASes sent nothing else
        }
    }
}

TEST(SigningFlood, ASlowAdaptiveAttackerIsSeenByItsConfirmingScript) {
    Detector detector;
    SlowAttacker attacker(11);
    Confirmations script(12, "net:127.9.0.0/24");
    const auto run = feed(detector, 300, std::pair{&attacker, 1.0}, std::pair{&script, 1.0});
    EXPECT_TRUE(acted_on(run, Dimension::confirm_network, "net:127.9.0.0/24"));
    EXPECT_LT(run.first_cluster_ms, 60'000);
}

TEST(SigningFlood, ASlowAttackerHiddenInACrowdIsStillSeenByItsConfirmingScript) {
    Detector detector;
    SlowAttacker attacker(13);
    Confirmations script(14, "net:127.9.0.0/24");
    Crowd crowd(15);
    Confirmations crowd_confirming(16, "");
    const auto run = feed(detector, 300, std::pair{&attacker, 1.0}, std::pair{&script, 1.0},
                          std::pair{&crowd, 3.0}, std::pair{&crowd_confirming, 2.0});
    EXPECT_TRUE(has(run, Dimension::confirm_network, "net:127.9.0.0/24"));
    for (const auto& cluster : run.clusters)
        EXPECT_FALSE(cluster.key_value.starts_with("net:10.") ||
                     cluster.key_value.starts_with("first"))
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.key_value;
}

TEST(SigningFlood, CatchAllDomainsTakenInTurnStandOutInACrowd) {
    Detector detector;
    SlowAttacker attacker(17);
    Crowd crowd(18);
    // Each of the five domains is 8 % of the attempts: under a tenth, still a cluster.
    const auto run = feed(detector, 180, std::pair{&attacker, 2.0}, std::pair{&crowd, 3.0});
    for (int d = 0; d < 5; ++d)
        EXPECT_TRUE(has(run, Dimension::email_domain, "catchall" + std::to_string(d) + ".example"))
            << d;
    for (const auto& cluster : run.clusters)
        EXPECT_TRUE(cluster.key_value.starts_with("catchall") || cluster.key_value == "hosting")
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.key_value;
}

TEST(SigningFlood, ACatchAllDomainStandsOutWhereBigProvidersDoNot) {
    Detector detector;
    Crowd crowd(2);
    // Throwaway addresses on one domain with an MX, varied names, from a few hundred IPs.
    struct CatchAll {
        std::mt19937 random{3};
        int n = 0;
        Attempt next(std::int64_t at_ms) {
            Attempt a;
            a.at_ms = at_ms;
            a.petition_id = 1;
            a.keys[0] = "generated " + std::to_string(n++);
            a.keys[2] = "catch-all.example";
            a.keys[3] = "net:172.20." + std::to_string(random() % 200) + ".0/24";
            a.sender = a.keys[3] + "#" + std::to_string(random() % 250);
            a.keys[4] = "as:16276";
            a.keys[5] = "Mozilla/5.0 Chrome/125";
            return a;
        }
    } flood;
    const auto run = feed(detector, 120, std::pair{&crowd, 10.0}, std::pair{&flood, 5.0});
    EXPECT_TRUE(has(run, Dimension::email_domain, "catch-all.example"));
    EXPECT_FALSE(has(run, Dimension::email_domain, "gmail.com"));
    for (const auto& cluster : run.clusters)
        EXPECT_TRUE(cluster.key_value == "catch-all.example" || cluster.key_value == "as:16276" ||
                    cluster.key_value == "hosting")
            << to_string(cluster.dimension) << " " << cluster.key_value;
}

TEST(SigningFlood, AViralPetitionFromManyNetworksIsLeftAlone) {
    Detector detector;
    Crowd crowd(4);
    const auto run = feed(detector, 600, std::pair{&crowd, 50.0});  // 30,000 signatures
    for (const auto& cluster : run.clusters)
        ADD_FAILURE() << "a real crowd flagged: " << to_string(cluster.dimension) << " "
                      << cluster.key_value << " " << cluster.attempts_in_window << "/"
                      << cluster.window_total;
}

TEST(SigningFlood, ASmallPetitionTrickleIsLeftAlone) {
    Detector detector;
    Crowd crowd(5);
    const auto run = feed(detector, 3600, std::pair{&crowd, 0.2});
    EXPECT_TRUE(run.clusters.empty());
}

TEST(SigningFlood, AnAttackDuringAViralSurgeIsStillSeen) {
    Detector detector;
    Crowd crowd(6);
    SeedFlood flood(7);
    const auto run = feed(detector, 120, std::pair{&crowd, 50.0}, std::pair{&flood, 5.0});
    EXPECT_TRUE(has(run, Dimension::name, "jeff bezos"));
    EXPECT_TRUE(has(run, Dimension::name, "bill gates"));
    for (const auto& cluster : run.clusters)
        EXPECT_TRUE(cluster.key_value == "jeff bezos" || cluster.key_value == "bill gates" ||
                    cluster.key_value == "deso pas deso" ||
                    cluster.key_value.starts_with("as:1627") || cluster.key_value == "hosting")
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.key_value;
}

TEST(SigningFlood, PetitionsHaveTheirOwnWindows) {
    Detector detector;
    SeedFlood flood(8);
    const std::int64_t start = 1'800'000'000'000;
    // Nineteen each on two petitions: neither reaches the count that makes a cluster.
    for (int i = 0; i < 19; ++i) {
        auto a = flood.next(start + i * 100, 1);
        a.keys[0] = "jeff bezos";
        auto b = flood.next(start + i * 100, 2);
        b.keys[0] = "jeff bezos";
        for (const auto& f : detector.observe(a))
            EXPECT_NE(f.cluster.dimension, Dimension::name) << f.cluster.key_value;
        for (const auto& f : detector.observe(b))
            EXPECT_NE(f.cluster.dimension, Dimension::name) << f.cluster.key_value;
    }
}

TEST(SigningFlood, AClusterIsReportedOnceThenAgainAfterItCooled) {
    DetectorConfig config;
    config.window = std::chrono::seconds(10);
    Detector detector(config);
    const std::int64_t start = 1'800'000'000'000;
    int reports = 0;
    const auto burst = [&](std::int64_t from) {
        for (int i = 0; i < 40; ++i) {
            Attempt a;
            a.at_ms = from + i * 10;
            a.petition_id = 1;
            a.keys[0] = "jeff bezos";
            a.sender = "192.0.2." + std::to_string(i);
            for (const auto& f : detector.observe(a))
                reports += f.cluster.key_value == "jeff bezos";
        }
    };
    burst(start);
    EXPECT_EQ(reports, 1);
    burst(start + 1000);  // still hot: not again
    EXPECT_EQ(reports, 1);
    burst(start + 60'000);  // the window emptied meanwhile
    EXPECT_EQ(reports, 2);
}

TEST(SigningFlood, TheBaselineLearnsOnlyFromWhatLeftTheWindow) {
    DetectorConfig config;
    config.window = std::chrono::seconds(10);
    Detector detector(config);
    const std::int64_t start = 1'800'000'000'000;
    for (int i = 0; i < 100; ++i) {
        Attempt a;
        a.at_ms = start + i * 1000;
        a.petition_id = 1;
        a.keys[2] = i % 2 ? "asso.example" : "other.example";
        detector.observe(a);
    }
    // About 90 attempts have left the 10 s window, half of them on each domain.
    EXPECT_NEAR(detector.baseline_share(Dimension::email_domain, "asso.example"), 0.5, 0.05);
    EXPECT_EQ(detector.baseline_share(Dimension::email_domain, "never.example"), 0);
}

TEST(SigningFlood, AnEventBecomesAnAttemptWithItsKeys) {
    signatures::SigningEvent event;
    event.at_ms = 42;
    event.petition_id = 7;
    event.name_key = "n";
    event.comment_key = "c";
    event.email_domain = "d.example";
    event.network = "net:192.0.2.0/24";
    event.asn = 64500;
    event.user_agent = "ua";
    const auto attempt = attempt_of(event);
    EXPECT_EQ(attempt.at_ms, 42);
    EXPECT_EQ(attempt.petition_id, 7);
    EXPECT_EQ(attempt.key(Dimension::name), "n");
    EXPECT_EQ(attempt.key(Dimension::as), "as:64500");
    EXPECT_EQ(attempt.key(Dimension::network), "net:192.0.2.0/24");
    EXPECT_EQ(attempt.key(Dimension::confirm_network), "");

    // A confirmation counts only by where it came from; a withdrawal by nothing.
    event.kind = signatures::SigningEvent::Kind::confirmation;
    const auto confirmation = attempt_of(event);
    EXPECT_EQ(confirmation.key(Dimension::confirm_network), "net:192.0.2.0/24");
    EXPECT_EQ(confirmation.key(Dimension::network), "");
    EXPECT_EQ(confirmation.key(Dimension::name), "");
    event.kind = signatures::SigningEvent::Kind::withdrawal;
    for (const auto& key : attempt_of(event).keys) EXPECT_EQ(key, "");
    EXPECT_EQ(parse_dimension("confirm_network"), Dimension::confirm_network);
    EXPECT_FALSE(parse_dimension("shoe_size"));
}

TEST(SigningFlood, OneAddressAloneNeverStandsOutHoweverOftenItSigns) {
    Detector detector;
    const std::int64_t t = 1'800'000'000'000;
    std::vector<Finding> clusters;
    // 200 attempts from one address in a small AS: its own rate limits hold it, and it must
    // never get its AS banned, the petition's signatures quarantined or the admins mailed.
    for (int i = 0; i < 200; ++i) {
        Attempt a;
        a.at_ms = t + i * 100;
        a.petition_id = 1;
        a.sender = "203.0.113.7";
        a.keys[0] = "jeff bezos";
        a.keys[2] = "junk.example";
        a.keys[3] = "net:203.0.113.0/24";
        a.keys[4] = "as:64999";
        for (auto& c : detector.observe(a)) clusters.push_back(std::move(c));
    }
    EXPECT_TRUE(clusters.empty());
    // Two more addresses join in: now three senders repeat the name, and it stands out.
    for (int i = 0; i < 40; ++i) {
        Attempt a;
        a.at_ms = t + 20'000 + i * 100;
        a.petition_id = 1;
        a.sender = "198.51.100." + std::to_string(1 + i % 2);
        a.keys[0] = "jeff bezos";
        for (auto& c : detector.observe(a)) clusters.push_back(std::move(c));
    }
    ASSERT_FALSE(clusters.empty());
    EXPECT_EQ(clusters[0].cluster.key_value, "jeff bezos");
    EXPECT_EQ(clusters[0].cluster.distinct_senders, 3u);
}

TEST(SigningFlood, AnIPv6HostIsOneSenderAcrossItsWholeSlash64) {
    signatures::SigningEvent event;
    event.ip = "2001:db8:1:2::9";
    event.network = "net:2001:db8:1:2::/64";
    EXPECT_EQ(attempt_of(event).sender, "net:2001:db8:1:2::/64");
    event.ip = "192.0.2.9";
    event.network = "net:192.0.2.0/24";
    EXPECT_EQ(attempt_of(event).sender, "192.0.2.9");
}

Attempt confirmation(std::int64_t at_ms, std::string network, Traits traits = 0) {
    Attempt a;
    a.at_ms = at_ms;
    a.petition_id = 1;
    a.is_confirmation = true;
    a.traits = traits;
    a.keys[static_cast<std::size_t>(Dimension::confirm_network)] = std::move(network);
    return a;
}

TEST(SigningFlood, ConfirmationsByScriptFromOneNetworkStandOut) {
    Detector detector;
    const std::int64_t t = 1'800'000'000'000;
    std::vector<Finding> findings;
    for (int i = 0; i < 40 && findings.empty(); ++i)
        findings = detector.observe(confirmation(t + i * 500, "net:127.9.0.0/24", hosting | robot));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].cluster.dimension, Dimension::confirm_network);
    EXPECT_EQ(findings[0].cluster.attempts_in_window, 30);
    EXPECT_TRUE(findings[0].judgement.act);
}

TEST(SigningFlood, ConfirmationsFromOneCampusNetworkAreOnlyWatched) {
    Detector detector;
    const std::int64_t t = 1'800'000'000'000;
    std::vector<Finding> findings;
    // Students confirming on the campus Wi-Fi, behind its few addresses: people, not a script.
    for (int i = 0; i < 40 && findings.empty(); ++i)
        findings = detector.observe(confirmation(t + i * 500, "net:193.48.10.0/24"));
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_FALSE(findings[0].judgement.act);
}

TEST(SigningFlood, ACrowdConfirmingFromItsOwnNetworksIsLeftAlone) {
    Detector detector;
    std::mt19937 random(5);
    const std::int64_t t = 1'800'000'000'000;
    // 30 a second for five minutes; even a mobile carrier's busiest gateway is a sliver.
    for (int i = 0; i < 9000; ++i) {
        const auto n = std::uniform_int_distribution<int>(0, 3999)(random);
        const auto network =
            n < 200 ? std::string("net:10.0.0.0/24")  // one CGNAT, 5 %
                    : "net:10." + std::to_string(n % 250) + "." + std::to_string(n / 250) + ".0/24";
        ASSERT_TRUE(detector.observe(confirmation(t + i * 33, network)).empty()) << i;
    }
}

// Real crowds that repeat themselves, and attacks, as timelines of attempts and their
// confirmations; then what a defence holding every value acted on would set aside.
struct Timed {
    Attempt attempt;
    bool fake = false;
};

class Timeline {
  public:
    explicit Timeline(unsigned seed) : random_(seed) {}
    double uniform(double a, double b) { return std::uniform_real_distribution<>(a, b)(random_); }
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
    }
    bool chance(double p) { return uniform(0, 1) < p; }

    // A person or a script signs at `at_s`; `confirm_after_s` < 0: never confirms.
    void sign(double at_s, Attempt attempt, bool fake, double confirm_after_s = -1,
              std::string confirm_network = "", Traits confirm_traits = 0) {
        attempt.at_ms = start + static_cast<std::int64_t>(at_s * 1000);
        attempt.petition_id = attempt.petition_id ? attempt.petition_id : 1;
        attempt.link = "link" + std::to_string(next_link_++);
        if (confirm_after_s >= 0) {
            Attempt confirmation;
            confirmation.at_ms = attempt.at_ms + static_cast<std::int64_t>(confirm_after_s * 1000);
            confirmation.petition_id = attempt.petition_id;
            confirmation.is_confirmation = true;
            confirmation.link = attempt.link;
            confirmation.traits = confirm_traits;
            confirmation.sender = confirm_network + "#1";
            confirmation.keys[static_cast<std::size_t>(Dimension::confirm_network)] =
                confirm_network.empty() ? attempt.key(Dimension::network) : confirm_network;
            events_.push_back({std::move(confirmation), fake});
        }
        events_.push_back({std::move(attempt), fake});
    }

    // A household: its own /24 on one of `ases`, a browser, no sign of automation.
    Attempt person(const std::vector<std::string>& ases, const std::string& domain) {
        Attempt a;
        a.keys[0] = "first" + std::to_string(pick(400)) + " last" + std::to_string(pick(5000));
        a.keys[2] = domain;
        a.keys[3] =
            "net:10." + std::to_string(pick(250)) + "." + std::to_string(pick(250)) + ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(pick(250));
        a.keys[4] = ases[pick(ases.size())];
        a.keys[5] = "Mozilla/5.0 Firefox/" + std::to_string(115 + pick(20));
        return a;
    }
    std::string big_provider() {
        static const char* domains[] = {"gmail.com", "orange.fr",   "hotmail.fr", "free.fr",
                                        "sfr.fr",    "laposte.net", "yahoo.fr"};
        return domains[pick(7)];
    }

    std::vector<Timed> sorted() {
        std::stable_sort(events_.begin(), events_.end(), [](const Timed& a, const Timed& b) {
            return a.attempt.at_ms < b.attempt.at_ms;
        });
        return events_;
    }

    static constexpr std::int64_t start = 1'800'000'000'000;

  private:
    std::mt19937 random_;
    std::vector<Timed> events_;
    std::size_t next_link_ = 0;
};

const std::vector<std::string> eight_isps{"as:3215",  "as:12322", "as:15557", "as:5410",
                                          "as:51207", "as:21502", "as:8228",  "as:24904"};

// An association mails its members: 250 sign in 150 s, 60 % with its own domain, 40 % paste
// the comment it suggested; households on 8 ISPs; they confirm 3 to 40 s later.
void association_mailing(Timeline& t, double from_s = 0) {
    for (int i = 0; i < 250; ++i) {
        const double at = from_s + t.uniform(0, 150);
        auto a = t.person(eight_isps, t.chance(0.6) ? "amis-du-bocage.fr" : t.big_provider());
        if (t.chance(0.4)) a.keys[1] = "suggested comment";
        t.sign(at, std::move(a), false, t.uniform(3, 40));
    }
}

// A comment wave on a popular petition: 30 % "bravo", 10 % "je signe".
void comment_wave(Timeline& t, double from_s = 0) {
    for (int i = 0; i < 250; ++i) {
        const double at = from_s + t.uniform(0, 150);
        auto a = t.person(eight_isps, t.big_provider());
        const double u = t.uniform(0, 1);
        if (u < 0.3)
            a.keys[1] = "bravo";
        else if (u < 0.4)
            a.keys[1] = "je signe";
        else if (u < 0.6)
            a.keys[1] = "comment" + std::to_string(t.pick(100000));
        t.sign(at, std::move(a), false, t.chance(0.85) ? t.uniform(3, 300) : -1);
    }
}

// A television surge on a university: 20 a second for two minutes, 35 % with the
// university's domain, the students on campus (30 %) behind four NAT networks of its AS.
void campus_surge(Timeline& t, double from_s = 0) {
    const std::vector<std::string> small_isps{"as:8228", "as:24904", "as:35540", "as:198985"};
    for (int i = 0; i < 2400; ++i) {
        const double at = from_s + t.uniform(0, 120);
        const bool student = t.chance(0.35);
        auto a = t.person(
            t.chance(0.5) ? small_isps : eight_isps,
            student ? "etu.univ-exemple.fr" : "small" + std::to_string(t.pick(40)) + ".fr");
        if (student && t.chance(0.85)) {
            a.keys[3] = "net:193.48." + std::to_string(10 + t.pick(4)) + ".0/24";
            a.sender = a.keys[3] + "#" + std::to_string(t.pick(3));
            a.keys[4] = "as:2200";
        }
        const auto network = a.keys[3];
        t.sign(at, std::move(a), false, t.chance(0.85) ? t.uniform(3, 200) : -1, network);
    }
}

// The seed's flood from `from_s`: hosting networks, two celebrity names, one comment, a
// library's user agent, 5 a second; a fifth of its mails confirmed by script.
void seed_flood(Timeline& t, double from_s, double seconds) {
    for (int i = 0; i < static_cast<int>(seconds * 5); ++i) {
        const double at = from_s + t.uniform(0, seconds);
        Attempt a;
        const auto roll = t.pick(100);
        a.keys[0] = roll < 45   ? "jeff bezos"
                    : roll < 90 ? "bill gates"
                                : "x" + std::to_string(roll);
        a.keys[1] = "deso pas deso";
        a.keys[2] = roll % 2 ? "gmail.com" : "hotmail.fr";
        a.keys[3] = "net:172." + std::to_string(16 + t.pick(8)) + "." + std::to_string(t.pick(30)) +
                    ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(t.pick(250));
        a.keys[4] = "as:16276";
        a.keys[5] = "python-requests/2.31";
        a.traits = hosting | robot;
        a.keys[7] = "hosting";
        t.sign(at, std::move(a), true, t.chance(0.2) ? t.uniform(1, 20) : -1, "net:172.16.0.0/24",
               hosting);
    }
}

// The slow adaptive attacker on mailboxes it owns at the big providers: varied names, no
// domain that stands out, each /24 quiet; but it runs in data centres, solves natively and
// confirms from its servers after a human-looking delay.
void slow_attacker_on_real_mailboxes(Timeline& t, double seconds) {
    for (int i = 0; i < static_cast<int>(seconds * 2); ++i) {
        const double at = t.uniform(0, seconds);
        Attempt a;
        a.keys[0] = "first" + std::to_string(t.pick(400)) + " last" + std::to_string(t.pick(5000));
        a.keys[2] = t.big_provider();
        a.keys[3] = "net:172." + std::to_string(16 + t.pick(8)) + "." +
                    std::to_string(t.pick(250)) + ".0/24";
        a.sender = a.keys[3] + "#" + std::to_string(t.pick(250));
        static const char* hosting_ases[] = {"as:16276", "as:24940", "as:14061", "as:12876"};
        a.keys[4] = hosting_ases[t.pick(4)];
        a.keys[5] = "Mozilla/5.0 Chrome/" + std::to_string(120 + t.pick(12));
        if (t.chance(0.3)) a.keys[1] = "bravo";
        // A native solver: of the proofs large enough to time (four in five), each instant.
        a.traits = hosting | (t.chance(0.8) ? instant_proof | timed_proof : 0);
        a.keys[7] = "hosting";
        t.sign(at, std::move(a), true, t.uniform(10, 120), "net:172.20.1.0/24", hosting);
    }
    // Beside it, the petition's real signers: 3 a second.
    for (int i = 0; i < static_cast<int>(seconds * 3); ++i)
        t.sign(t.uniform(0, seconds), t.person(eight_isps, t.big_provider()), false,
               t.chance(0.85) ? t.uniform(3, 300) : -1);
}

struct Outcome {
    std::vector<Finding> findings;
    std::size_t real = 0, real_set_aside = 0;
    std::size_t fake = 0, fake_set_aside = 0;
    std::int64_t first_action_ms = -1;
};

// Feeds the timeline, then counts the attempts a defence would have set aside: those
// carrying a value acted on, from the first attempt of its cluster on.
Outcome play(Detector& detector, const std::vector<Timed>& events) {
    Outcome outcome;
    std::vector<std::pair<Dimension, std::string>> held;
    std::vector<std::int64_t> held_from;
    for (const auto& event : events) {
        for (auto& finding : detector.observe(event.attempt)) {
            if (finding.judgement.act) {
                if (outcome.first_action_ms < 0)
                    outcome.first_action_ms = event.attempt.at_ms - Timeline::start;
                held.emplace_back(finding.cluster.dimension, finding.cluster.key_value);
                held_from.push_back(finding.cluster.first_attempt_ms);
            }
            outcome.findings.push_back(std::move(finding));
        }
    }
    for (const auto& event : events) {
        if (event.attempt.is_confirmation) continue;
        bool aside = false;
        for (std::size_t i = 0; i < held.size() && !aside; ++i)
            aside = event.attempt.at_ms >= held_from[i] &&
                    event.attempt.key(held[i].first) == held[i].second;
        (event.fake ? outcome.fake : outcome.real) += 1;
        (event.fake ? outcome.fake_set_aside : outcome.real_set_aside) += aside;
    }
    return outcome;
}

std::string acted_values(const Outcome& outcome) {
    std::string text;
    for (const auto& finding : outcome.findings)
        if (finding.judgement.act)
            text += std::string(to_string(finding.cluster.dimension)) + "=" +
                    finding.cluster.key_value + " ";
    return text;
}

bool watched(const Outcome& outcome, Dimension dimension, const std::string& value) {
    for (const auto& finding : outcome.findings)
        if (!finding.judgement.act && finding.cluster.dimension == dimension &&
            finding.cluster.key_value == value)
            return true;
    return false;
}

TEST(RealCrowds, AnAssociationMailingItsMembersIsWatchedAndNobodySetAside) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Timeline t(seed);
        association_mailing(t);
        Detector detector;
        const auto outcome = play(detector, t.sorted());
        EXPECT_EQ(outcome.real_set_aside, 0u) << "seed " << seed << ": " << acted_values(outcome);
        EXPECT_TRUE(watched(outcome, Dimension::email_domain, "amis-du-bocage.fr")) << seed;
        EXPECT_TRUE(watched(outcome, Dimension::comment, "suggested comment")) << seed;
    }
}

TEST(RealCrowds, ACommentWaveSetsNobodyAside) {
    for (unsigned seed = 1; seed <= 5; ++seed) {
        Timeline t(seed);
        comment_wave(t);
        Detector detector;
        const auto outcome = play(detector, t.sorted());
        EXPECT_EQ(outcome.real_set_aside, 0u) << "seed " << seed << ": " << acted_values(outcome);
    }
}

TEST(RealCrowds, ATelevisionSurgeOnACampusSetsNobodyAside) {
    for (unsigned seed = 1; seed <= 3; ++seed) {
        Timeline t(seed);
        campus_surge(t);
        Detector detector;
        const auto outcome = play(detector, t.sorted());
        EXPECT_EQ(outcome.real_set_aside, 0u) << "seed " << seed << ": " << acted_values(outcome);
    }
}

TEST(RealCrowds, EachCrowdMixedWithTheSeedsFloodLosesNobodyAndTheFloodIsHeld) {
    const std::vector<std::pair<const char*, void (*)(Timeline&, double)>> crowds{
        {"association", association_mailing}, {"comments", comment_wave}, {"campus", campus_surge}};
    for (const auto& [name, crowd] : crowds) {
        Timeline t(7);
        crowd(t, 0);
        seed_flood(t, 30, 100);
        Detector detector;
        const auto outcome = play(detector, t.sorted());
        EXPECT_EQ(outcome.real_set_aside, 0u) << name << ": " << acted_values(outcome);
        // Held from its first attempts: within its first 20 s, and nearly all of it.
        EXPECT_GE(outcome.first_action_ms, 30'000) << name;
        EXPECT_LT(outcome.first_action_ms, 50'000) << name;
        EXPECT_GE(outcome.fake_set_aside * 100, outcome.fake * 99) << name;
    }
}

TEST(RealCrowds, ASlowAttackerOnRealMailboxesIsHeldByWhereItRuns) {
    Timeline t(11);
    slow_attacker_on_real_mailboxes(t, 300);
    Detector detector;
    const auto outcome = play(detector, t.sorted());
    EXPECT_EQ(outcome.real_set_aside, 0u) << acted_values(outcome);
    EXPECT_GE(outcome.first_action_ms, 0);
    EXPECT_LT(outcome.first_action_ms, 60'000);
    // Held from its cluster's first attempt in the window: what came before it is the most
    // that may ever count, under 1 % of the petition's signatures.
    EXPECT_LE((outcome.fake - outcome.fake_set_aside) * 100, outcome.real + outcome.fake);
}

TEST(RealCrowds, AWatchedDomainBecomesAnActionWhenItsConfirmationsComeByScript) {
    Timeline t(12);
    // Throwaway addresses on a catch-all domain sent through home proxies with browsers:
    // nothing to see at signing, but a script's HTTP client confirms them all.
    for (int i = 0; i < 200; ++i) {
        auto a = t.person(eight_isps, "catch-all.example");
        t.sign(t.uniform(0, 100), std::move(a), true, t.uniform(5, 30), "net:203.0.113.0/24",
               hosting | robot);
    }
    for (int i = 0; i < 300; ++i)
        t.sign(t.uniform(0, 100), t.person(eight_isps, t.big_provider()), false,
               t.chance(0.85) ? t.uniform(3, 300) : -1);
    Detector detector;
    const auto outcome = play(detector, t.sorted());
    EXPECT_TRUE(watched(outcome, Dimension::email_domain, "catch-all.example"));
    bool acted = false;
    for (const auto& finding : outcome.findings) {
        if (!finding.judgement.act || finding.cluster.dimension != Dimension::email_domain)
            continue;
        acted = true;
        EXPECT_EQ(finding.judgement.reasons.front().signal, Signal::scripted_confirmations);
    }
    EXPECT_TRUE(acted) << acted_values(outcome);
    EXPECT_EQ(outcome.real_set_aside, 0u) << acted_values(outcome);
}

TEST(RealCrowds, ATrustedDomainMakesNoClusterAtAll) {
    signatures::SigningEvent event;
    event.petition_id = 1;
    event.ip = "10.1.2.3";
    event.network = "net:10.1.2.0/24";
    event.asn = 16276;
    event.email_domain = "amis-du-bocage.fr";
    event.name_key = "n";
    const TrustList trust({{1, TrustKind::email_domain, "amis-du-bocage.fr"},
                           {std::nullopt, TrustKind::network, "10.1.0.0/16"}});
    const auto attempt = attempt_of(event, hosting, &trust);
    EXPECT_EQ(attempt.key(Dimension::email_domain), "");
    EXPECT_EQ(attempt.key(Dimension::network), "");
    EXPECT_EQ(attempt.key(Dimension::as), "");
    EXPECT_EQ(attempt.key(Dimension::automation), "");  // a campus in a data centre's AS
    EXPECT_EQ(attempt.key(Dimension::name), "n");
    // Another petition trusts neither the domain nor... the network, which is the site's.
    event.petition_id = 2;
    const auto other = attempt_of(event, hosting, &trust);
    EXPECT_EQ(other.key(Dimension::email_domain), "amis-du-bocage.fr");
    EXPECT_EQ(other.key(Dimension::network), "");
}

TEST(RealCrowds, APetitionsOwnUsualDomainDoesNotStandOutWhereItWouldOnANewOne) {
    DetectorConfig config;
    config.window = std::chrono::seconds(60);
    Detector detector(config);
    const std::int64_t t0 = Timeline::start;
    std::mt19937 random(3);
    const auto attempt = [&](std::int64_t petition, std::int64_t at, bool local) {
        Attempt a;
        a.at_ms = at;
        a.petition_id = petition;
        a.keys[0] = "n" + std::to_string(random());
        a.keys[2] = local ? "mairie-de-plouzane.fr" : "gmail.com";
        a.sender = "10.0." + std::to_string(random() % 250) + "." + std::to_string(random() % 250);
        return a;
    };
    // Petition 2 is a village's: a third of its signers have always used the town's domain.
    // Petition 4, the site's biggest, has never seen it.
    for (int i = 0; i < 1200; ++i) {
        detector.observe(attempt(2, t0 + i * 3000, i % 3 == 0));
        for (int k = 0; k < 5; ++k) detector.observe(attempt(4, t0 + i * 3000 + k, false));
    }
    EXPECT_GT(detector.baseline_share(2, Dimension::email_domain, "mairie-de-plouzane.fr"), 0.2);
    EXPECT_LT(detector.baseline_share(3, Dimension::email_domain, "mairie-de-plouzane.fr"), 0.2);
    // The same burst on both: usual on petition 2, new on petition 3.
    const std::int64_t t1 = t0 + 1200 * 3000;
    bool on_2 = false, on_3 = false;
    for (int i = 0; i < 150; ++i) {
        for (const auto& f : detector.observe(attempt(2, t1 + i * 200, i % 3 == 0)))
            on_2 = on_2 || f.cluster.dimension == Dimension::email_domain;
        for (const auto& f : detector.observe(attempt(3, t1 + i * 200, i % 3 == 0)))
            on_3 = on_3 || f.cluster.dimension == Dimension::email_domain;
    }
    EXPECT_FALSE(on_2);
    EXPECT_TRUE(on_3);
}

}  // namespace
}  // namespace rempart::defence::detect
