// Tests for the defence acting by itself: what starts quarantined, what the petition asks,
// what is banned, one incident and one alert per attack, and a moderator's release.
#include <gtest/gtest.h>

#include <unistd.h>

#include "defence/response/defence.hpp"
#include "store/ban_repository.hpp"
#include "store/petition_repository.hpp"

namespace rempart::defence {
namespace {

// The defence writes the attempt's automation key into its event: the handler's own copy.
bool observe(Defence& defence, signatures::SigningEvent event, const std::string& slug) {
    return defence.observe(event, slug);
}

class DefenceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/rempart-defence-test.XXXXXX";
        dir_ = ::mkdtemp(pattern);
        store::StorageSettings config;
        config.data_dir = dir_;
        auto opened = store::open_store(config, 1);
        ASSERT_TRUE(opened.ok());
        store_ = std::move(*opened);
        petition_ = store_->writer()
                        .write_now<Petition>([](store::Database& db) {
                            return store::insert_petition(db, {"p", "T", "", "x", {}, false}, 1);
                        })
                        ->id;
    }
    void TearDown() override {
        store_->close();
        std::filesystem::remove_all(dir_);
    }
    signatures::SigningEvent event(std::string name, std::int64_t at_ms,
                                   std::string network = "net:192.0.2.0/24",
                                   std::string comment = "") const {
        signatures::SigningEvent e;
        e.at_ms = at_ms;
        e.petition_id = petition_;
        e.name_key = std::move(name);
        e.comment_key = std::move(comment);
        e.network = std::move(network);
        // Many senders, as in a real attack: one address alone never makes a cluster.
        e.ip = "198.51.100." + std::to_string((at_ms / 100) % 250);
        // A script that says so: the sign of automation that lets the defence act.
        e.user_agent = "python-requests/2.31";
        return e;
    }
    // A real person in a browser, from home.
    signatures::SigningEvent person(std::string name, std::int64_t at_ms) const {
        auto e = event(std::move(name), at_ms, "net:203.0.113.0/24");
        e.user_agent = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        return e;
    }
    // The writer runs jobs in order: once this one ran, every earlier write has.
    template <class T>
    T read(std::function<T(store::Database&)> query) {
        return *store_->writer().write_now<T>(
            [query](store::Database& db) -> Result<T> { return query(db); });
    }
    std::int64_t count(const std::string& sql) {
        return read<std::int64_t>([sql](store::Database& db) {
            auto& select = db.prepare(sql);
            const auto n = select.step() ? select.column_int(0) : -1;
            select.reset();
            return n;
        });
    }
    std::filesystem::path dir_;
    std::unique_ptr<store::Store> store_;
    std::int64_t petition_ = 0;
};

TEST_F(DefenceTest, AClustersKeysStartQuarantinedUntilTheHoldEnds) {
    shield::Difficulty difficulty(10000);
    DefenceOptions options;
    options.hold = std::chrono::seconds(600);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, options);
    const std::int64_t t = 1'800'000'000'000;
    int quarantined = 0;
    for (int i = 0; i < 30; ++i) quarantined += observe(defence, event("jeff", t + i * 100), "p");
    EXPECT_EQ(quarantined, 11);  // from the 20th, which opened the incident
    EXPECT_FALSE(observe(defence, person("marie", t + 3000), "p"));
    EXPECT_TRUE(observe(defence, event("jeff", t + 10'000), "p"));
    count("SELECT 1");
    EXPECT_EQ(defence.stats().incidents_opened.load(), 1u);
    // The petition's proof of work is harder for as long as the hold.
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 60), options.raised_difficulty);
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 700), 10000u);
    // After the hold, the same name is an ordinary attempt again.
    EXPECT_FALSE(observe(defence, event("jeff", t + 700'000), "p"));
}

TEST_F(DefenceTest, OneAttackOpensOneIncidentAndMailsOnce) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    DefenceOptions options;
    // Rendered for each cluster before its write; completed, and so composed, once an
    // incident opens.
    int composed = 0;
    options.render_alerts = [&composed](const IncidentOpening& opening) -> CompleteAlerts {
        const std::string dimension(to_string(opening.cluster.dimension));
        return [&composed, dimension](const IncidentOpened&) {
            ++composed;
            return std::vector<AlertMail>{
                {"admin@example.org", "Subject: " + dimension, "petitions@example.org"}};
        };
    };
    Defence defence(*store_, difficulty, bans, options);
    const std::int64_t t = 1'800'000'000'000;
    // One name and one comment, repeated by robots: three clusters (the name at 20, the
    // comment and the robots themselves at 30), one incident.
    for (int i = 0; i < 40; ++i)
        observe(defence, event("jeff", t + i * 200, "net:192.0.2.0/24", "deso"), "p");
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incident_clusters"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE purpose = 'alert'"), 1);
    EXPECT_EQ(composed, 1);
    EXPECT_EQ(defence.stats().incidents_opened.load(), 1u);
    EXPECT_EQ(defence.stats().clusters.load(), 3u);
    EXPECT_EQ(defence.stats().containment_count.load(), 1u);
}

TEST_F(DefenceTest, TheNetworksThatSentTheAttackAreBannedAndRecorded) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    DefenceOptions options;
    options.bans.duration = std::chrono::seconds(900);
    Defence defence(*store_, difficulty, bans, options);
    const std::int64_t t = 1'800'000'000'000;
    for (int i = 0; i < 20; ++i)
        observe(defence, event("jeff", t + i * 200, "net:127.2." + std::to_string(i % 2) + ".0/24"),
                "p");
    const auto now = t + 5000;
    EXPECT_TRUE(bans.banned_until({"net:127.2.0.0/24"}, now));
    EXPECT_TRUE(bans.banned_until({"net:127.2.1.0/24"}, now));
    EXPECT_FALSE(bans.banned_until({"net:192.0.2.0/24"}, now));
    EXPECT_FALSE(bans.banned_until({"net:127.2.0.0/24"}, t + 3800 + 900'000));
    EXPECT_EQ(count("SELECT COUNT(*) FROM bans WHERE kind = 'network'"), 2);
    // Their proof of work is harder on every petition, the other network's is not.
    EXPECT_EQ(difficulty.required({"petition:other", "net:127.2.0.0/24"}, t / 1000 + 10),
              options.raised_difficulty);
    EXPECT_EQ(difficulty.required({"petition:other", "net:192.0.2.0/24"}, t / 1000 + 10), 10000u);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incident_actions WHERE action = 'banned'"), 2);
    EXPECT_EQ(defence.stats().bans.load(), 2u);
}

TEST_F(DefenceTest, AReleaseEndsTheHoldAndTheHarderProofOfWork) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, DefenceOptions{});
    const std::int64_t t = 1'800'000'000'000;
    for (int i = 0; i < 20; ++i) observe(defence, event("jeff", t + i * 200), "p");
    const auto cluster_id = count("SELECT id FROM incident_clusters");
    ASSERT_GT(cluster_id, 0);
    const auto decided = read<store::DecidedCluster>([cluster_id](store::Database& db) {
        return *store::decide_cluster(db, cluster_id, ClusterDecision::release, "m", 1);
    });
    EXPECT_EQ(difficulty.required({"net:192.0.2.0/24"}, t / 1000 + 10),
              DefenceOptions{}.raised_difficulty);
    defence.decided(decided, ClusterDecision::release);
    EXPECT_FALSE(observe(defence, event("jeff", t + 5000), "p"));
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 10), 10000u);
    EXPECT_EQ(difficulty.required({"net:192.0.2.0/24"}, t / 1000 + 10), 10000u);
}

TEST_F(DefenceTest, HoldsAndBansSurviveARestart) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, DefenceOptions{});
    const std::int64_t t = 1'800'000'000'000;
    Cluster held;
    held.id = held.incident_id = 1;
    held.petition_id = petition_;
    held.petition_slug = "p";
    held.dimension = Dimension::name;
    held.key_value = "jeff";
    held.held_until_ms = t + 60'000;
    Ban ban{1, 1, BanKind::as, "as:64502", t, t + 60'000, {}, "why"};
    defence.restore({held}, {ban}, t);
    EXPECT_TRUE(observe(defence, event("jeff", t + 1000), "p"));
    EXPECT_FALSE(observe(defence, person("marie", t + 1000), "p"));
    EXPECT_TRUE(bans.banned_until({"as:64502"}, t + 1000));
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 10),
              DefenceOptions{}.raised_difficulty);
    defence.lifted(ban);
    EXPECT_FALSE(bans.banned_until({"as:64502"}, t + 1000));
}

// A crowd that repeats one comment from browsers at home: watched, nothing set aside.
TEST_F(DefenceTest, ARepeatedValueWithoutSignsOfAutomationOpensAWatchOnly) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, {});
    const std::int64_t t = 1'800'000'000'000;
    int quarantined = 0;
    for (int i = 0; i < 60; ++i) {
        auto e = person("signer " + std::to_string(i), t + i * 500);
        e.comment_key = "suggested";
        e.network = "net:10." + std::to_string(i) + ".0.0/24";
        quarantined += defence.observe(e, "p");
        EXPECT_EQ(e.automation, "");
    }
    EXPECT_EQ(quarantined, 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM watches WHERE state = 'open' AND "
                    "dimension = 'comment' AND key_value = 'suggested'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM watches WHERE evidence LIKE "
                    "'repetition % comment%'"),
              1);
    EXPECT_EQ(defence.stats().watches_opened.load(), 1u);
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 60), 10000u);
    EXPECT_EQ(bans.active(t + 60'000), 0u);
}

// The same domain whose mails a script confirms from a data centre: the watch becomes an
// incident, and the evidence says why.
TEST_F(DefenceTest, AWatchBecomesAnIncidentWhenItsConfirmationsComeByScript) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, {});
    const std::int64_t t = 1'800'000'000'000;
    for (int i = 0; i < 40; ++i) {
        auto e = person("signer " + std::to_string(i), t + i * 500);
        e.email_domain = "catch-all.example";
        e.network = "net:10." + std::to_string(i) + ".0.0/24";
        e.link_key = "link" + std::to_string(i);
        EXPECT_FALSE(defence.observe(e, "p"));
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM watches WHERE state = 'open'"), 1);
    for (int i = 0; i < 40; ++i) {
        auto c = person("", t + 30'000 + i * 100);
        c.kind = signatures::SigningEvent::Kind::confirmation;
        c.link_key = "link" + std::to_string(i);
        c.asn = 16276;                        // a data centre
        c.user_agent = "Go-http-client/2.0";  // and a program, not a person's browser
        c.network = "net:10." + std::to_string(i) + ".0.0/24";
        c.seconds_after_signing = 20;
        defence.observe(c, "p");
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incident_clusters WHERE dimension = 'email_domain' "
                    "AND evidence LIKE 'scripted_confirmations %'"),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM watches WHERE state = 'escalated' AND "
                    "incident_id IS NOT NULL"),
              1);
    EXPECT_EQ(defence.stats().watches_escalated.load(), 1u);
}

TEST_F(DefenceTest, TrustedValuesMakeNoWatchAndAScriptsAttemptsGetTheirKey) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, {});
    defence.set_trust(
        detect::TrustList({{petition_, TrustKind::email_domain, "amis-du-bocage.fr"}}));
    const std::int64_t t = 1'800'000'000'000;
    for (int i = 0; i < 60; ++i) {
        auto e = person("signer " + std::to_string(i), t + i * 500);
        e.email_domain = "amis-du-bocage.fr";
        e.network = "net:10." + std::to_string(i) + ".0.0/24";
        EXPECT_FALSE(defence.observe(e, "p"));
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM watches"), 0);
    auto script = event("x", t + 40'000);
    defence.observe(script, "p");
    EXPECT_EQ(script.automation, "robot");
}

}  // namespace
}  // namespace rempart::defence

namespace rempart::defence {
namespace {

// Reports of the petition by a script: the reports are set aside and the report form's
// proof of work raised, while the petition's own signing goes on untouched.
TEST_F(DefenceTest, AFloodOfReportsNeverHoldsThePetitionsSignatures) {
    shield::Difficulty difficulty(10000);
    shield::BanList bans;
    Defence defence(*store_, difficulty, bans, DefenceOptions{});
    const std::int64_t t = 1'800'000'000'000;
    int held = 0;
    for (int i = 0; i < 12; ++i) {
        auto report =
            event("", t + i * 1000, "net:192.0." + std::to_string(i % 3) + ".0/24", "arnaque");
        report.kind = signatures::SigningEvent::Kind::report;
        held += defence.observe_submission(report);
        EXPECT_EQ(report.automation, "robot");
    }
    EXPECT_EQ(held, 3);  // from the tenth, which opened the incident
    count("SELECT 1");
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents WHERE subject = 'reports'"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM incidents WHERE petition_id IS NOT NULL"), 0);
    EXPECT_EQ(difficulty.required({"petition:~report"}, t / 1000 + 60),
              DefenceOptions{}.raised_difficulty);
    EXPECT_EQ(difficulty.required({"petition:p"}, t / 1000 + 60), 10000u);
    // The same comment on the petition's signatures is not what the cluster holds.
    EXPECT_FALSE(observe(defence, event("jeff", t + 20'000, "net:203.0.113.0/24", "arnaque"), "p"));
    // A proposal with the reports' comment is another subject: not held either.
    auto proposal = event("camille", t + 21'000, "net:203.0.113.0/24", "arnaque");
    proposal.kind = signatures::SigningEvent::Kind::proposal;
    EXPECT_FALSE(defence.observe_submission(proposal));
}

}  // namespace
}  // namespace rempart::defence
