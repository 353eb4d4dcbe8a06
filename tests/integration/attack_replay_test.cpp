// Short replays of tools/attack-sim against the real server, checked as a user would see
// them: the API's count, the incident and its mail, the quarantine.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

#include "attack-sim/replay.hpp"
#include "attack-sim/scenarios.hpp"
#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using attack::Plan;
using attack::ReplayOptions;
using attack::Report;
using attack::Scenario;
using attack::ScenarioOptions;

// The server as bench/attack runs it: behind a trusted proxy, with the simulator's AS table,
// room for the simulator's connections, and an admin to alert. The proof of work is kept
// small so that the slow test machine spends its time on the server, not on hashes.
class AttackReplay : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<ServerProcess>(
            "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
            "[limits]\nmax_connections_per_ip = 1000\n"
            "[shield]\nasn_table = \"" REMPART_ATTACK_ASN_TABLE
            "\"\npow_max_number = 2000\n"
            "[site]\ndefault_language = \"en\"\n"
            "[mail]\nadmin_alerts_to = [\"admin@example.org\"]\n");
        const auto text = server_->dir() / "noel.md";
        std::ofstream(text) << "Pour un Noël sans Amazon.\n";
        std::string output;
        ASSERT_EQ(server_->run_cli({"petition", "create", "--slug", "noel", "--title",
                                    "Noël sans Amazon", "--text-file", text.string()},
                                   &output),
                  0)
            << output;
        server_->start();
    }

    Report run(const Plan& plan, double linger_s) {
        ReplayOptions options;
        options.port = server_->port();
        options.petition = "noel";
        options.maildir = server_->dir() / "data" / "mail";
        options.workers = 8;
        options.linger_s = linger_s;
        return attack::replay(plan, options);
    }

    std::string one_value(const std::string& sql) const { return store_value(*server_, sql); }
    std::int64_t number(const std::string& sql) const {
        const auto value = one_value(sql);
        return value.empty() ? -1 : std::stoll(value);
    }
    std::int64_t api_count() const { return api_signature_count(server_->port(), "noel"); }
    // The admin's alert, once the outbox has delivered it.
    std::string alert_mail() const {
        for (int i = 0; i < 100; ++i) {
            for (const auto& mail : maildir_messages(server_->dir() / "data" / "mail"))
                if (mail.find("To: admin@example.org") != std::string::npos)
                    return decoded_body(mail);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return "";
    }

    std::unique_ptr<ServerProcess> server_;
};

TEST_F(AttackReplay, TheSeedsFloodOpensAnIncidentAlertsTheAdminAndCountsNoFake) {
    ScenarioOptions options;
    options.duration_s = 20;           // 100 attempts at 5 a second
    options.seed_confirm_share = 0.5;  // half the fakes confirmed, to see they never count
    const auto report = run(attack::make_plan(Scenario::seed, options), 8);

    EXPECT_GT(report.fake.accepted, 50u);  // the flood gets the answer anyone gets
    EXPECT_GT(report.fake.confirmations_sent, 0u);
    EXPECT_TRUE(server_->log_contains("INCIDENT_OPENED"));
    EXPECT_GT(number("SELECT COUNT(*) FROM incidents"), 0);
    const auto alert = alert_mail();
    EXPECT_NE(alert.find("signatures were quarantined"), std::string::npos) << alert;
    EXPECT_GT(number("SELECT COUNT(*) FROM signatures"), 0);
    EXPECT_EQ(number("SELECT COUNT(*) FROM signatures WHERE state <> 'quarantined'"), 0);
    EXPECT_EQ(api_count(), 0);
}

TEST_F(AttackReplay, CatchAllFakesConfirmedByScriptAreQuarantinedAndNotCounted) {
    ScenarioOptions options;
    options.duration_s = 20;
    const auto report = run(attack::make_plan(Scenario::catch_all, options), 8);

    EXPECT_GT(report.fake.confirmations_sent, 20u);  // the script did confirm its mails
    EXPECT_GT(number("SELECT COUNT(*) FROM incidents"), 0);
    EXPECT_GT(number("SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"), 0);
    EXPECT_EQ(number("SELECT COUNT(*) FROM signatures WHERE state = 'confirmed'"), 0);
    EXPECT_EQ(api_count(), 0);
}

TEST_F(AttackReplay, AViralSurgeOpensNoIncidentAndEveryConfirmedSignatureCounts) {
    ScenarioOptions options;
    options.duration_s = 15;  // about 750 people at 50 a second
    options.crowd_confirm_mean_s = 2;
    options.crowd_never_confirm_share = 0.1;
    const auto report = run(attack::make_plan(Scenario::viral, options), 15);

    EXPECT_GT(report.legit.accepted, 500u);
    EXPECT_EQ(report.legit.refused, 0u);
    EXPECT_GT(report.legit.confirmations_accepted, 400u);
    EXPECT_EQ(number("SELECT COUNT(*) FROM incidents"), 0);
    EXPECT_EQ(number("SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"), 0);
    EXPECT_EQ(api_count(), static_cast<std::int64_t>(report.legit.confirmations_accepted));
}

// The recall side: an association mails its members, who sign with the mailboxes it gave
// them on its own domain and paste the comment it suggested. A repeated domain or comment
// alone is no proof of automation: they are people at home, in browsers, confirming from
// their mail. 100 members in 60 s (the scenario's 250 in 150 s): 60 % on the domain and
// 40 % with the comment, enough for either to stand out in the detector's window.
TEST_F(AttackReplay, AnAssociationMailingSetsNoRealSignerAside) {
    ScenarioOptions options;
    options.duration_s = 25;
    options.crowd_rate = 4;  // the mailing's shape, its pace quickened for the test machine
    const auto plan = attack::make_plan(Scenario::association, options);
    ASSERT_EQ(plan.attempts.size(), 100u);
    // Every member confirms 3-40 s after the mail: the linger leaves time for the last.
    const auto report = run(plan, 42);

    EXPECT_EQ(report.legit.attempts, 100u);
    EXPECT_EQ(report.legit.refused, 0u);
    EXPECT_EQ(report.legit.accepted, 100u);
    EXPECT_EQ(report.legit.confirmations_left, 0u);
    EXPECT_EQ(report.legit.confirmations_accepted, 100u);
    EXPECT_EQ(number("SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"), 0);
    EXPECT_EQ(number("SELECT COUNT(*) FROM signatures WHERE state = 'confirmed'"), 100);
    EXPECT_EQ(api_count(), 100);
    // Seen all the same: the association's domain is shown to the moderators.
    EXPECT_EQ(number("SELECT COUNT(*) FROM incidents"), 0);
    EXPECT_EQ(number("SELECT COUNT(*) FROM watches WHERE dimension = 'email_domain' AND "
                     "key_value = 'amis-du-bocage.fr' AND state = 'open'"),
              1);
}

}  // namespace
}  // namespace rempart::testing
