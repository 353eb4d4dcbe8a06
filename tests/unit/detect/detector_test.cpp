// Tests for the streaming detector on synthetic streams: the seed's flood, a catch-all
// domain, a television surge, and an attack hidden in a surge.
#include <gtest/gtest.h>

#include <random>

#include "detect/detector.hpp"

namespace rempart::detect {
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
        static const char* hosting[] = {"as:16276", "as:24940", "as:14061"};
        a.keys[4] = hosting[pick(3)];
        a.keys[5] = "Mozilla/5.0 Chrome/" + std::to_string(120 + pick(12));
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
        auto& key = a.keys[static_cast<std::size_t>(Dimension::confirm_network)];
        if (!script_network_.empty()) {
            key = script_network_;
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
    std::vector<Cluster> clusters;
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
                for (auto& cluster : detector.observe(streams[i].first(start + ms))) {
                    if (run.first_cluster_ms < 0) run.first_cluster_ms = ms;
                    run.clusters.push_back(std::move(cluster));
                }
            }
        }
    }
    return run;
}

bool has(const Run& run, Dimension dimension, const std::string& value) {
    for (const auto& cluster : run.clusters)
        if (cluster.dimension == dimension && cluster.value == value) return true;
    return false;
}

TEST(SigningFlood, TheSeedsAttackStandsOutWithinSeconds) {
    Detector detector;
    SeedFlood flood(1);
    const auto run = feed(detector, 60, std::pair{&flood, 5.0});
    ASSERT_TRUE(has(run, Dimension::name, "jeff bezos"));
    EXPECT_TRUE(has(run, Dimension::name, "bill gates"));
    EXPECT_TRUE(has(run, Dimension::comment, "deso pas deso"));
    EXPECT_GE(run.first_cluster_ms, 0);
    EXPECT_LT(run.first_cluster_ms, 15000);  // 20 of one name at 5 a second
    for (const auto& cluster : run.clusters)
        if (cluster.value == "jeff bezos") EXPECT_LT(cluster.distinct_networks, 250u);
}

TEST(SigningFlood, AClusterNamesTheNetworksAndAsesItCameFrom) {
    Detector detector;
    SeedFlood flood(3);
    Crowd crowd(4);
    const auto run = feed(detector, 30, std::pair{&flood, 5.0}, std::pair{&crowd, 20.0});
    ASSERT_TRUE(has(run, Dimension::comment, "deso pas deso"));
    for (const auto& cluster : run.clusters) {
        if (cluster.value != "deso pas deso") continue;
        ASSERT_FALSE(cluster.networks.empty());
        std::size_t sum = 0;
        for (std::size_t i = 0; i < cluster.networks.size(); ++i) {
            const auto& network = cluster.networks[i];
            EXPECT_EQ(network.key.rfind("net:172.", 0), 0u) << network.key;  // the flood's only
            EXPECT_LE(network.in_cluster, network.in_window);
            if (i > 0) EXPECT_LE(network.in_cluster, cluster.networks[i - 1].in_cluster);
            sum += network.in_cluster;
        }
        EXPECT_EQ(sum, cluster.count);
        EXPECT_EQ(cluster.networks.size(), cluster.distinct_networks);
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
    EXPECT_TRUE(has(run, Dimension::confirm_network, "net:127.9.0.0/24"));
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
        EXPECT_FALSE(cluster.value.starts_with("net:10.") || cluster.value.starts_with("first"))
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.value;
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
        EXPECT_TRUE(cluster.value.starts_with("catchall"))
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.value;
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
        EXPECT_TRUE(cluster.value == "catch-all.example" || cluster.value == "as:16276")
            << to_string(cluster.dimension) << " " << cluster.value;
}

TEST(SigningFlood, AViralPetitionFromManyNetworksIsLeftAlone) {
    Detector detector;
    Crowd crowd(4);
    const auto run = feed(detector, 600, std::pair{&crowd, 50.0});  // 30,000 signatures
    for (const auto& cluster : run.clusters)
        ADD_FAILURE() << "a real crowd flagged: " << to_string(cluster.dimension) << " "
                      << cluster.value << " " << cluster.count << "/" << cluster.window_total;
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
        EXPECT_TRUE(cluster.value == "jeff bezos" || cluster.value == "bill gates" ||
                    cluster.value == "deso pas deso" || cluster.value.starts_with("as:1627"))
            << "a real value flagged: " << to_string(cluster.dimension) << " " << cluster.value;
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
        for (const auto& c : detector.observe(a))
            EXPECT_NE(c.dimension, Dimension::name) << c.value;
        for (const auto& c : detector.observe(b))
            EXPECT_NE(c.dimension, Dimension::name) << c.value;
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
            for (const auto& c : detector.observe(a)) reports += c.value == "jeff bezos";
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
    std::vector<Cluster> clusters;
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
    EXPECT_EQ(clusters[0].value, "jeff bezos");
    EXPECT_EQ(clusters[0].distinct_senders, 3u);
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

Attempt confirmation(std::int64_t at_ms, std::string network) {
    Attempt a;
    a.at_ms = at_ms;
    a.petition_id = 1;
    a.keys[static_cast<std::size_t>(Dimension::confirm_network)] = std::move(network);
    return a;
}

TEST(SigningFlood, ConfirmationsByScriptFromOneNetworkStandOut) {
    Detector detector;
    const std::int64_t t = 1'800'000'000'000;
    std::vector<Cluster> clusters;
    for (int i = 0; i < 40 && clusters.empty(); ++i)
        clusters = detector.observe(confirmation(t + i * 500, "net:127.9.0.0/24"));
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].dimension, Dimension::confirm_network);
    EXPECT_EQ(clusters[0].count, 30u);
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

}  // namespace
}  // namespace rempart::detect
