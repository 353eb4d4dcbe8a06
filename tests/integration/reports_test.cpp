// Reporting a petition and taking it down, through HTTP and the Maildir: the report form
// and its refusals, the queue's reported list, dismissing, taking down with a public or a
// hidden reason, the author told, the signatures kept, roles and CSRF.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using testing::contains;

class Reports : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("parc", "Sauvons le parc");
        const auto moderator_once = add_account(server_, "mo@example.org", "moderator");
        const auto organiser_once = add_account(server_, "olga@example.org", "organiser");
        server_.start();
        ASSERT_EQ(moderator_.first_log_in("mo@example.org", moderator_once, chosen_password).status,
                  303u);
        ASSERT_EQ(
            organiser_.first_log_in("olga@example.org", organiser_once, chosen_password).status,
            303u);
    }

    HttpResponse report(const std::string& reason, bool solved = true) {
        Fields fields{{"reason", reason}};
        if (solved) fields.emplace_back("altcha", solve_altcha(server_.port(), "~report"));
        return post_form(server_.port(), "/petitions/parc/report", fields,
                         {{"Accept-Language", "en"}});
    }

    std::string reason_id(const std::string& code) {
        return store_value(server_, "SELECT id FROM rejection_reasons WHERE code = '" + code + "'");
    }

    HttpResponse take_down(Fields fields) {
        fields.insert(fields.begin(), {"csrf", moderator_.csrf_of("/admin/petitions/1/take-down")});
        return moderator_.post("/admin/petitions/1/take-down", fields);
    }

    HttpResponse wait_for_status(const std::string& target, unsigned status) {
        HttpResponse page;
        for (int i = 0; i < 100; ++i) {
            page = http_get(server_.port(), target, {{"Accept-Language", "en"}});
            if (page.status == status) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return page;
    }

    ServerProcess server_;
    AdminBrowser moderator_{server_.port()};
    AdminBrowser organiser_{server_.port()};
};

TEST_F(Reports, AReportWaitsForTheModeratorsWhoDismissIt) {
    const auto page = http_get(server_.port(), "/petitions/parc", {{"Accept-Language", "en"}});
    EXPECT_TRUE(contains(page.body, "href=\"/petitions/parc/report\""));
    const auto form =
        http_get(server_.port(), "/petitions/parc/report", {{"Accept-Language", "en"}});
    ASSERT_EQ(form.status, 200u);
    EXPECT_TRUE(contains(form.body, "challenge=\"/altcha/challenge?petition=~report\""));

    // Each bad report is refused beside its field, with what was typed kept; none is stored.
    const auto empty = report("   ");
    EXPECT_EQ(empty.status, 422u);
    EXPECT_TRUE(contains(empty.body, "Say what is wrong with this petition"));
    const auto unproved = report("Des propos injurieux.", false);
    EXPECT_EQ(unproved.status, 422u);
    EXPECT_TRUE(contains(unproved.body, "The anti-robot check has not finished"));
    EXPECT_TRUE(contains(unproved.body, "Des propos injurieux."));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM petition_reports"), "0");

    const auto sent = report("Des propos <b>injurieux</b> envers le maire.");
    ASSERT_EQ(sent.status, 303u) << sent.body;
    EXPECT_EQ(sent.header("location"), "/petitions/parc/reported");
    EXPECT_TRUE(contains(
        http_get(server_.port(), "/petitions/parc/reported", {{"Accept-Language", "en"}}).body,
        "Your report waits for the moderators"));
    // The network is kept, never the address.
    EXPECT_EQ(store_value(server_, "SELECT network FROM petition_reports"), "net:127.0.0.0/24");

    const auto queue = moderator_.get("/admin/moderation");
    EXPECT_TRUE(contains(queue.body, "Sauvons le parc"));
    EXPECT_TRUE(contains(queue.body, "1 report from 1 network"));
    EXPECT_TRUE(contains(queue.body, "Des propos &lt;b&gt;injurieux&lt;/b&gt;"));
    const auto reports = moderator_.get("/admin/petitions/1/take-down");
    ASSERT_EQ(reports.status, 200u);
    EXPECT_TRUE(contains(reports.body, "1 report waiting, from 1 network"));

    const auto dismissed =
        moderator_.post("/admin/petitions/1/reports/dismiss",
                        {{"csrf", moderator_.csrf_of("/admin/petitions/1/take-down")}});
    ASSERT_EQ(dismissed.status, 303u);
    EXPECT_EQ(dismissed.header("location"), "/admin/moderation?done=dismissed");
    const auto after = moderator_.get("/admin/moderation?done=dismissed");
    EXPECT_TRUE(contains(after.body, "The reports are dismissed"));
    EXPECT_TRUE(contains(after.body, "No report waits"));
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'reports_dismissed'"),
        "1");
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions"), "published");
}

TEST_F(Reports, ATakenDownPetitionShowsItsReasonAndKeepsItsSignatures) {
    // One confirmed signature, then a report.
    ASSERT_EQ(post_form(server_.port(), "/petitions/parc/sign",
                        signing_fields(server_.port(), "Marie Curie", "marie@example.org"))
                  .status,
              303u);
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 1);
    ASSERT_EQ(mails.size(), 1u);
    const auto token = link_token(confirmation_link(mails[0]));
    ASSERT_EQ(post_form(server_.port(), "/s/" + token + "/confirm", {}).status, 303u);
    ASSERT_EQ(report("Une publicité déguisée.").status, 303u);

    // Organisers neither see the form nor may post it; a post needs its token and a reason.
    EXPECT_EQ(organiser_.get("/admin/petitions/1/take-down").status, 403u);
    EXPECT_EQ(
        moderator_.post("/admin/petitions/1/take-down", {{"reason", reason_id("advertising")}})
            .status,
        403u);
    EXPECT_EQ(take_down({}).status, 422u);
    EXPECT_EQ(take_down({{"reason", "999"}}).status, 409u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM petitions"), "published");

    const auto taken = take_down({{"reason", reason_id("not_our_scope")}, {"note", "Hors sujet."}});
    ASSERT_EQ(taken.status, 303u) << taken.body;
    EXPECT_EQ(taken.header("location"), "/admin/moderation?done=take_down");
    const auto page = wait_for_status("/petitions/parc", 410);
    ASSERT_EQ(page.status, 410u);
    EXPECT_TRUE(contains(page.body, "This petition was removed"));
    EXPECT_TRUE(contains(page.body, "outside what this association"));
    EXPECT_FALSE(contains(page.body, "Sauvons le parc"));
    const auto json =
        boost::json::parse(http_get(server_.port(), "/api/petitions/parc").body).as_object();
    EXPECT_EQ(json.at("state").as_string(), "removed");
    EXPECT_FALSE(json.contains("signature_count"));  // not counted publicly while down
    // Signing, reporting and sharing stop; the signature stays in the store.
    EXPECT_EQ(post_form(server_.port(), "/petitions/parc/sign",
                        signing_fields(server_.port(), "Pierre Curie", "pierre@example.org"))
                  .status,
              409u);
    EXPECT_EQ(http_get(server_.port(), "/petitions/parc/report").status, 404u);
    EXPECT_EQ(http_get(server_.port(), "/petitions/parc/share").status, 404u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM signatures WHERE state = 'confirmed'"),
              "1");
    EXPECT_EQ(store_value(server_, "SELECT handled_at IS NOT NULL FROM petition_reports"), "1");
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'petition_take_down'"),
        "1");
    // Taken down twice: the second time is refused, nothing changes.
    EXPECT_EQ(take_down({{"reason", reason_id("abuse")}}).status, 409u);
}

TEST_F(Reports, AHiddenReasonLeavesOnlyTheWordRemoved) {
    ASSERT_EQ(take_down({{"reason", reason_id("libel")}}).status, 303u);
    const auto page = wait_for_status("/petitions/parc", 410);
    EXPECT_TRUE(contains(page.body, "This petition was removed"));
    EXPECT_TRUE(contains(page.body, "It does not follow the site"));
    EXPECT_FALSE(contains(page.body, "defamatory"));
    const auto json =
        boost::json::parse(http_get(server_.port(), "/api/petitions/parc").body).as_object();
    EXPECT_TRUE(json.at("reason_code").is_null());
}

}  // namespace
}  // namespace rempart::testing
