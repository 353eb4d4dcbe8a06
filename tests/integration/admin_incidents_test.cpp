// The incidents pages against the real server: a flood contained, then a moderator sees
// it, downloads the evidence, releases and invalidates, lifts a ban and invalidates by hand.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <fstream>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

class AdminIncidents : public ::testing::Test {
  protected:
    void SetUp() override {
        const auto text = server_.dir() / "velo.md";
        std::ofstream(text) << "Texte.\n";
        std::string output;
        ASSERT_EQ(server_.run_cli({"petition", "create", "--slug", "velo", "--title", "Vélo",
                                   "--text-file", text.string()},
                                  &output),
                  0)
            << output;
        ASSERT_EQ(
            server_.run_cli({"user", "add", "--email", "mod@example.org", "--role", "moderator"},
                            &output),
            0);
        once_ = line_after(output, "One-time password:");
        server_.start();
    }
    // The seed's flood from three networks, every mail confirmed by script; Marie signs
    // for real from elsewhere.
    void flood() {
        const auto port = server_.port();
        ASSERT_EQ(post_form(port, "/petitions/velo/sign",
                            signing_fields(port, "Marie Curie", "marie@example.org"),
                            {{"X-Forwarded-For", "198.51.100.7"}})
                      .status,
                  303u);
        for (int i = 0; i < 40; ++i) {
            const auto ip = "203.0." + std::to_string(113 + i % 3) + "." + std::to_string(i + 1);
            post_form(port, "/petitions/velo/sign",
                      signing_fields(
                          port, i % 2 ? "Jeff Bezos" : "Bill Gates",
                          "bot" + std::to_string(i) + "@mail" + std::to_string(i % 20) + ".example",
                          {{"comment", "déso pas déso"}, {"altcha", solve_altcha(port, "velo")}}),
                      {{"X-Forwarded-For", ip}});
        }
        for (const auto& mail : wait_for_mails(server_.dir() / "data" / "mail", 31))
            post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {});
        ASSERT_EQ(api_signature_count(port, "velo"), 1);
    }
    void log_in(AdminBrowser& browser) {
        ASSERT_EQ(browser.log_in("mod@example.org", once_).header("location"), "/admin/password");
        const auto changed =
            browser.post("/admin/password", {{"csrf", browser.csrf_of("/admin/password")},
                                             {"current", once_},
                                             {"new", chosen_password},
                                             {"confirm", chosen_password}});
        ASSERT_EQ(changed.status, 303u) << changed.body;
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"};
    std::string once_;
};

TEST_F(AdminIncidents, AModeratorSeesReleasesAndInvalidatesAnAttack) {
    flood();
    AdminBrowser browser(server_.port());
    log_in(browser);

    const auto list = browser.get("/admin/incidents");
    ASSERT_EQ(list.status, 200u);
    EXPECT_NE(list.body.find("<a href=\"/admin/incidents/1\">1</a>"), std::string::npos);
    EXPECT_NE(list.body.find("Vélo"), std::string::npos);

    const auto page = browser.get("/admin/incidents/1");
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_NE(page.body.find("<svg "), std::string::npos);  // the chart, drawn on the server
    EXPECT_NE(page.body.find("One comment repeated: déso pas déso"), std::string::npos);
    EXPECT_NE(page.body.find("<span class=\"cluster-quarantined\">30</span>"), std::string::npos);
    EXPECT_NE(page.body.find("net:203.0.113.0/24"), std::string::npos);  // a ban
    EXPECT_EQ(page.body.find("<script"), std::string::npos);
    const auto cluster = store_value(server_, "SELECT id FROM incident_clusters");
    const auto decide = "/admin/incidents/1/clusters/" + cluster + "/";

    // Evidence: the file, its SHA-256 recorded and shown.
    const auto evidence = browser.get("/admin/incidents/1/evidence/json");
    ASSERT_EQ(evidence.status, 200u);
    EXPECT_EQ(evidence.header("content-disposition"), "attachment; filename=\"incident-1.json\"");
    const auto sha = evidence.header("x-content-sha256");
    EXPECT_EQ(sha, store_value(server_, "SELECT sha256 FROM evidence_exports"));
    EXPECT_NE(boost::json::parse(evidence.body).as_object().count("format_version"), 0u);
    EXPECT_NE(browser.get("/admin/incidents/1").body.find(sha), std::string::npos);
    EXPECT_EQ(browser.get("/admin/incidents/1/evidence/pdf").status, 404u);

    // Without the form's token nothing happens.
    EXPECT_EQ(browser.post(decide + "release", {}).status, 403u);
    EXPECT_EQ(api_signature_count(server_.port(), "velo"), 1);
    // Released: the 30 confirmed by script count (a moderator's mistake, undone next).
    const auto csrf = browser.csrf_of("/admin/incidents/1");
    const auto released = browser.post(decide + "release", {{"csrf", csrf}});
    ASSERT_EQ(released.status, 303u) << released.body;
    EXPECT_EQ(released.header("location"), "/admin/incidents/1?done=released");
    EXPECT_EQ(api_signature_count(server_.port(), "velo"), 31);
    EXPECT_NE(browser.get("/admin/incidents/1?done=released").body.find("count again"),
              std::string::npos);
    ASSERT_EQ(browser.post(decide + "invalidate", {{"csrf", csrf}}).status, 303u);
    EXPECT_EQ(api_signature_count(server_.port(), "velo"), 1);
    EXPECT_EQ(store_value(server_, "SELECT state FROM incidents"), "invalidated");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM signatures WHERE state = 'invalidated'"),
              "30");
    // A cluster of another incident, or none, is not found.
    EXPECT_EQ(browser.post("/admin/incidents/2/clusters/" + cluster + "/release", {{"csrf", csrf}})
                  .status,
              404u);
    EXPECT_EQ(browser.post(decide + "shrug", {{"csrf", csrf}}).status, 404u);

    // A ban lifted: the network may sign again at once.
    const auto ban = store_value(server_, "SELECT id FROM bans WHERE value = 'net:203.0.113.0/24'");
    ASSERT_EQ(browser.post("/admin/bans/" + ban + "/lift", {{"csrf", csrf}}).status, 303u);
    EXPECT_EQ(browser.post("/admin/bans/" + ban + "/lift", {{"csrf", csrf}}).status, 409u);
    const auto port = server_.port();
    const auto paul = post_form(port, "/petitions/velo/sign",
                                signing_fields(port, "Paul Langevin", "paul@example.org",
                                               {{"altcha", solve_altcha(port, "velo")}}),
                                {{"X-Forwarded-For", "203.0.113.200"}});
    EXPECT_EQ(paul.status, 303u) << paul.body.substr(paul.body.find("role=\"alert\""), 600);

    for (const auto* entry :
         {"cluster_released", "cluster_invalidated", "ban_lifted", "evidence_exported"})
        EXPECT_EQ(
            store_value(server_, std::string("SELECT users.email FROM audit_log JOIN users ON "
                                             "audit_log.actor = 'account:' || users.id "
                                             "WHERE action = '") +
                                     entry + "'"),
            "mod@example.org")
            << entry;

    // The audit log's page is the admins'.
    EXPECT_EQ(browser.get("/admin/audit").status, 403u);
    std::string output;
    ASSERT_EQ(
        server_.run_cli({"user", "add", "--email", "boss@example.org", "--role", "admin"}, &output),
        0);
    AdminBrowser admin(server_.port());
    const auto once = line_after(output, "One-time password:");
    ASSERT_EQ(admin.log_in("boss@example.org", once).status, 303u);
    ASSERT_EQ(admin
                  .post("/admin/password", {{"csrf", admin.csrf_of("/admin/password")},
                                            {"current", once},
                                            {"new", chosen_password},
                                            {"confirm", chosen_password}})
                  .status,
              303u);
    const auto audit = admin.get("/admin/audit");
    ASSERT_EQ(audit.status, 200u);
    EXPECT_NE(audit.body.find("<code>cluster_released</code>"), std::string::npos);
    EXPECT_NE(audit.body.find("mod@example.org"), std::string::npos);
}

TEST_F(AdminIncidents, SignaturesAreInvalidatedByHandAfterACount) {
    flood();
    AdminBrowser browser(server_.port());
    log_in(browser);
    ASSERT_EQ(browser.get("/admin/invalidate?petition=velo").status, 200u);
    const auto csrf = browser.csrf_of("/admin/invalidate");
    // Bad input: said beside the field, nothing changed.
    const auto bad = browser.post("/admin/invalidate", {{"csrf", csrf},
                                                        {"petition", "velo"},
                                                        {"kind", "as"},
                                                        {"value", "ASX"},
                                                        {"from", "yesterday"}});
    EXPECT_EQ(bad.status, 422u);
    EXPECT_NE(bad.body.find("Give an AS number"), std::string::npos);
    EXPECT_NE(bad.body.find("Give a date and time"), std::string::npos);
    EXPECT_EQ(browser
                  .post("/admin/invalidate",
                        {{"csrf", csrf}, {"petition", "nope"}, {"kind", "name"}, {"value", "x"}})
                  .status,
              422u);
    // Counted first: the page shows how many and asks to confirm.
    const Fields marie{
        {"csrf", csrf}, {"petition", "velo"}, {"kind", "name"}, {"value", "  MARIE curie "}};
    const auto preview = browser.post("/admin/invalidate", marie);
    ASSERT_EQ(preview.status, 200u);
    EXPECT_NE(preview.body.find("<strong class=\"matching\">1</strong>"), std::string::npos);
    EXPECT_EQ(api_signature_count(server_.port(), "velo"), 1);
    auto confirmed = marie;
    confirmed.push_back({"confirm", "1"});
    const auto done = browser.post("/admin/invalidate", confirmed);
    ASSERT_EQ(done.status, 200u);
    EXPECT_NE(done.body.find("Signatures invalidated: 1"), std::string::npos);
    EXPECT_EQ(api_signature_count(server_.port(), "velo"), 0);
    EXPECT_NE(store_value(server_,
                          "SELECT detail FROM audit_log WHERE action = "
                          "'signatures_invalidated'")
                  .find("1 signatures"),
              std::string::npos);
    // By AS, within a time range that holds everything: the flood's AS (fixture 64505).
    const Fields by_as{
        {"csrf", csrf},       {"petition", "velo"},         {"kind", "as"},
        {"value", "AS64505"}, {"from", "2000-01-01T00:00"}, {"to", "2100-01-01T00:00"}};
    const auto counted = browser.post("/admin/invalidate", by_as);
    EXPECT_NE(counted.body.find("<strong class=\"matching\">10</strong>"), std::string::npos)
        << counted.body;
}

TEST_F(AdminIncidents, ReleasingAClusterKeepsWhatAModeratorInvalidatedByHand) {
    flood();
    AdminBrowser browser(server_.port());
    log_in(browser);
    // The moderator sets aside by hand every "Jeff Bezos", quarantined or not.
    ASSERT_EQ(browser.get("/admin/invalidate?petition=velo").status, 200u);
    const auto done =
        browser.post("/admin/invalidate", {{"csrf", browser.csrf_of("/admin/invalidate")},
                                           {"petition", "velo"},
                                           {"kind", "name"},
                                           {"value", "Jeff Bezos"},
                                           {"confirm", "1"}});
    ASSERT_EQ(done.status, 200u);
    const auto by_hand = std::stoi(store_value(server_, "SELECT COUNT(*) FROM hand_invalidations"));
    ASSERT_GT(by_hand, 0);
    const auto held = std::stoi(
        store_value(server_,
                    "SELECT COUNT(*) FROM quarantine_holds h JOIN hand_invalidations v USING "
                    "(signature_id)"));
    ASSERT_GT(held, 0);

    // Then releases the whole cluster: the hand decision wins.
    const auto cluster = store_value(server_, "SELECT id FROM incident_clusters");
    const auto released = browser.post("/admin/incidents/1/clusters/" + cluster + "/release",
                                       {{"csrf", browser.csrf_of("/admin/incidents/1")}});
    ASSERT_EQ(released.status, 303u) << released.body;
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM signatures s JOIN hand_invalidations v ON "
                          "v.signature_id = s.id WHERE s.state = 'invalidated'"),
              std::to_string(by_hand));
    EXPECT_EQ(api_signature_count(server_.port(), "velo"),
              std::stoi(store_value(server_,
                                    "SELECT COUNT(*) FROM signatures WHERE state = 'confirmed'")));
    EXPECT_EQ(store_value(server_,
                          "SELECT COUNT(*) FROM signatures s JOIN quarantine_holds h ON "
                          "h.signature_id = s.id WHERE s.state = 'confirmed' AND "
                          "s.name = 'Jeff Bezos'"),
              "0");

    // What the moderator sees on the incident's page.
    const auto page = browser.get("/admin/incidents/1");
    EXPECT_NE(page.body.find("of which kept invalidated by a moderator&apos;s decision: "
                             "<span class=\"cluster-by-hand\">" +
                             std::to_string(held) + "</span>"),
              std::string::npos)
        << page.body;
    EXPECT_NE(
        page.body.find(std::to_string(held) + " kept invalidated by a moderator&apos;s decision"),
        std::string::npos);
}

}  // namespace
}  // namespace rempart::testing
