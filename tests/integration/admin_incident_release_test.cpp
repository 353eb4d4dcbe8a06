// An incident's page against the real server: why the defence acted, under each cluster,
// and once a moderator releases it, how many real signers it had set aside.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

class IncidentRelease : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Vélo");
        std::string output;
        ASSERT_EQ(
            server_.run_cli({"user", "add", "--email", "mod@example.org", "--role", "moderator"},
                            &output),
            0);
        const auto once = line_after(output, "One-time password:");
        server_.start();
        ASSERT_EQ(browser_.first_log_in("mod@example.org", once, chosen_password).status, 303u);
    }
    // The seed's flood, sent by a script that says so (no user agent): the comment stands
    // out at its 30th attempt and the defence acts. Nothing is confirmed.
    void flood() {
        const auto port = server_.port();
        for (int i = 0; i < 40; ++i) {
            const auto ip = "203.0." + std::to_string(113 + i % 3) + "." + std::to_string(i + 1);
            post_form(port, "/petitions/velo/sign",
                      signing_fields(
                          port, i % 2 ? "Jeff Bezos" : "Bill Gates",
                          "bot" + std::to_string(i) + "@mail" + std::to_string(i % 20) + ".example",
                          {{"comment", "déso pas déso"}, {"altcha", solve_altcha(port, "velo")}}),
                      {{"X-Forwarded-For", ip}});
        }
        ASSERT_FALSE(wait_for(server_, "SELECT id FROM incident_clusters").empty());
    }
    // The value of `sql` once it has one: the defence writes after its answers. 5 s at most.
    static std::string wait_for(const ServerProcess& server, const std::string& sql) {
        for (int i = 0; i < 50; ++i) {
            if (auto value = store_value(server, sql); !value.empty()) return value;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return "";
    }

    // The decoded mails to `to` once there are `count`, 10 s at most; oldest first.
    std::vector<std::string> mails_to(const std::string& to, std::size_t count) {
        std::vector<std::string> found;
        for (int i = 0; i < 100; ++i) {
            found.clear();
            for (const auto& raw : maildir_messages(server_.dir() / "data" / "mail"))
                if (raw.find("To: " + to) != std::string::npos) found.push_back(decoded_body(raw));
            if (found.size() >= count) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return found;
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"
        "[site]\ndefault_language = \"en\"\n"
        "[mail]\nadmin_alerts_to = [\"admin@example.org\", \"boss@example.org\"]\n"};
    AdminBrowser browser_{server_.port()};
};

TEST_F(IncidentRelease, TheIncidentSaysWhyItActedAndHowManyRealSignersWereGivenBack) {
    flood();
    const auto page = browser_.get("/admin/incidents/1");
    ASSERT_EQ(page.status, 200u);
    const auto why = page.body.find("<h4>Why the defence acted</h4>");
    ASSERT_NE(why, std::string::npos) << page.body;
    EXPECT_NE(page.body.find("were sent by programs that say they are not a web browser", why),
              std::string::npos);
    EXPECT_EQ(page.body.find("were given back"), std::string::npos);  // nothing released yet
    EXPECT_NE(page.body.find("<dd class=\"incident-released\">0</dd>"), std::string::npos);

    const auto cluster = store_value(server_, "SELECT id FROM incident_clusters");
    const auto held =
        store_value(server_, "SELECT COUNT(*) FROM quarantine_holds WHERE cluster_id = " + cluster);
    const auto released = browser_.post("/admin/incidents/1/clusters/" + cluster + "/release",
                                        {{"csrf", browser_.csrf_of("/admin/incidents/1")}});
    ASSERT_EQ(released.status, 303u);
    const auto after = browser_.get("/admin/incidents/1?done=released");
    const auto sentence = held + " real signers had been set aside and were given back.";
    EXPECT_NE(after.body.find("<p class=\"notice released\">" + sentence + "</p>"),
              std::string::npos)
        << after.body;
    EXPECT_NE(after.body.find("<p class=\"cluster-released\">" + sentence + "</p>"),
              std::string::npos);
    EXPECT_NE(after.body.find("<dd class=\"incident-released\">" + held + "</dd>"),
              std::string::npos);
    EXPECT_NE(
        browser_.get("/admin/incidents").body.find("<td class=\"released\">" + held + "</td>"),
        std::string::npos);

    // The same in French.
    browser_.extra_headers = {{"Accept-Language", "fr"}};
    const auto french = browser_.get("/admin/incidents/1");
    EXPECT_NE(
        french.body.find(held + " vrais signataires avaient été mis de côté et ont été rendus"),
        std::string::npos);
    EXPECT_NE(french.body.find("Pourquoi la défense a agi"), std::string::npos);
}

TEST_F(IncidentRelease, TheAdminsHearWhyTheDefenceActedAndThatRealSignersWereGivenBack) {
    flood();
    // The alert says why the defence acted, as the incident's page does.
    for (const auto* admin : {"admin@example.org", "boss@example.org"}) {
        const auto alerts = mails_to(admin, 1);
        ASSERT_EQ(alerts.size(), 1u) << admin;
        EXPECT_NE(alerts[0].find("Why it acted:"), std::string::npos) << alerts[0];
        EXPECT_NE(alerts[0].find("- 30 of these 30 attempts were sent by programs that say they "
                                 "are not a web browser"),
                  std::string::npos)
            << alerts[0];
    }

    const auto cluster = store_value(server_, "SELECT id FROM incident_clusters");
    ASSERT_EQ(browser_
                  .post("/admin/incidents/1/clusters/" + cluster + "/release",
                        {{"csrf", browser_.csrf_of("/admin/incidents/1")}})
                  .status,
              303u);
    // Queued with the decision: each admin gets the release.
    for (const auto* admin : {"admin@example.org", "boss@example.org"}) {
        const auto mails = mails_to(admin, 2);
        ASSERT_EQ(mails.size(), 2u) << admin;
        const auto& release = mails[1];
        EXPECT_NE(release.find("mod@example.org released signatures that the defence had set "
                               "aside on the petition \"Vélo\", in incident 1: 30 real signers "
                               "count again."),
                  std::string::npos)
            << release;
        EXPECT_NE(release.find("These were real signers the defence had set aside."),
                  std::string::npos);
        EXPECT_NE(release.find("/admin/incidents/1"), std::string::npos);
    }
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM incident_actions WHERE action = 'alert_mailed'"),
        "4");
    EXPECT_TRUE(server_.log_contains("decision=release signatures=30 by=mod@example.org mails=2"));

    // Invalidating it afterwards tells nobody: the defence was right after all.
    ASSERT_EQ(browser_
                  .post("/admin/incidents/1/clusters/" + cluster + "/invalidate",
                        {{"csrf", browser_.csrf_of("/admin/incidents/1")}})
                  .status,
              303u);
    // (The outbox takes a mail in the decision's own transaction, before the answer.)
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM outbox WHERE purpose = 'alert'"), "4");
}

}  // namespace
}  // namespace rempart::testing
