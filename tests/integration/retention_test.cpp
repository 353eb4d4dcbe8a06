// [retention] against the real server: signers sign and confirm over HTTP, then the rules
// are applied at moments the test names (`rempart retention --now`, the clock the test
// controls) while the server runs: each rule acts at its time and not before, counts and
// counts by area stay, legal hold stops anonymisation; and the privacy page gives every
// period the config sets.
#include <gtest/gtest.h>

#include <ctime>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

constexpr std::int64_t retention_test_day = 86400;

class RetentionRules : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("piscine", "Ouvrir la piscine");
        server_.start();
        start_ = static_cast<std::int64_t>(std::time(nullptr));
    }
    // Applies the rules as at `days` after the test began; the command's output.
    std::string apply_at(double days) {
        std::string output;
        const auto at = start_ + static_cast<std::int64_t>(days * retention_test_day);
        EXPECT_EQ(server_.run_cli({"retention", "--now", std::to_string(at)}, &output), 0)
            << output;
        return output;
    }
    std::string value(const std::string& sql) { return store_value(server_, sql); }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[retention]\nunconfirmed_days = 12\nafter_close_days = 40\naddresses_days = 7\n"
        "events_days = 20\nevidence_days = 100\nmail_days = 5\nsessions_days = 3\n"
        "audit_days = 60\nnewsletter_idle_days = 444\n"};
    std::int64_t start_ = 0;
};

TEST_F(RetentionRules, EachRuleActsAtItsTimeAndTheCountsStay) {
    const auto port = server_.port();
    ASSERT_EQ(
        post_form(port, "/petitions/piscine/sign",
                  signing_fields(port, "Marie Curie", "marie@example.org", {{"postcode", "69001"}}),
                  {{"X-Forwarded-For", "198.51.100.7"}})
            .status,
        303u);
    ASSERT_EQ(post_form(port, "/petitions/piscine/sign",
                        signing_fields(port, "Paul Langevin", "paul@example.org"),
                        {{"X-Forwarded-For", "2001:db8:1:2::7"}})
                  .status,
              303u);
    const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 2);
    ASSERT_EQ(mails.size(), 2u);
    // The mail says how long its link works, as the settings have it.
    EXPECT_TRUE(contains(decoded_body(mails[0]), "Le lien est valable 12 jours."));
    EXPECT_TRUE(contains(decoded_body(mails[0]), "effacée au bout de 12 jours"));
    EXPECT_EQ(value("SELECT MIN(expires_at - created_at) FROM signature_tokens"),
              std::to_string(12 * retention_test_day));
    EXPECT_TRUE(
        contains(http_get(port, "/petitions/piscine/thanks", {{"Accept-Language", "en"}}).body,
                 "The link is valid for 12 days."));
    for (const auto& mail : mails)
        if (contains(mail, "marie@example.org")) {
            ASSERT_EQ(post_form(port, "/s/" + link_token(confirmation_link(mail)) + "/confirm", {})
                          .status,
                      303u);
        }
    ASSERT_EQ(api_signature_count(port, "piscine"), 1);

    // Six days on, nothing is due yet.
    apply_at(6);
    EXPECT_EQ(value("SELECT group_concat(ip, ' ') FROM (SELECT ip FROM signatures ORDER BY id)"),
              "198.51.100.7 2001:db8:1:2::7");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events WHERE ip LIKE '%/%'"), "0");

    // Eight days on: addresses become their networks (/24, /48), everywhere; the
    // confirmation mails lose their recipients.
    auto output = apply_at(8);
    EXPECT_TRUE(contains(output, "Rows whose IP address was reduced to its network:")) << output;
    EXPECT_EQ(value("SELECT group_concat(ip, ' ') FROM (SELECT ip FROM signatures ORDER BY id)"),
              "198.51.100.0/24 2001:db8:1::/48");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events WHERE ip NOT LIKE '%/%'"), "0");
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox WHERE envelope_to <> ''"), "0");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signatures"), "2");

    // Thirteen days on: Paul never confirmed, and is erased with his link.
    output = apply_at(13);
    EXPECT_TRUE(contains(output, "Unconfirmed signatures erased: 1")) << output;
    EXPECT_EQ(value("SELECT email FROM signatures"), "marie@example.org");
    EXPECT_EQ(value("SELECT COUNT(*) FROM signature_tokens"), "1");
    EXPECT_EQ(api_signature_count(port, "piscine"), 1);
    output = apply_at(13);
    EXPECT_TRUE(contains(output, "Unconfirmed signatures erased: 0")) << output;

    // Twenty-one days on, the defence's events go.
    apply_at(21);
    EXPECT_EQ(value("SELECT COUNT(*) FROM signing_events"), "0");

    // Closed on day 22 and held: nothing is anonymised; released from the hold, it is 40
    // days after the closing, and the count and its département stay.
    ASSERT_EQ(store_exec(server_, "UPDATE petitions SET state = 'closed', closed_at = " +
                                      std::to_string(start_ + 22 * retention_test_day) +
                                      ", legal_hold = 1"),
              "");
    apply_at(70);
    EXPECT_EQ(value("SELECT name FROM signatures"), "Marie Curie");
    ASSERT_EQ(store_exec(server_, "UPDATE petitions SET legal_hold = 0"), "");
    apply_at(61);
    EXPECT_EQ(value("SELECT name FROM signatures"), "Marie Curie");
    output = apply_at(63);
    EXPECT_TRUE(contains(output, "Signatures of closed petitions anonymised: 1")) << output;
    EXPECT_EQ(value("SELECT name || '|' || email || '|' || ip || '|' || COALESCE(postcode, '') || "
                    "'|' || region || '|' || state FROM signatures"),
              "||||69|confirmed");
    EXPECT_EQ(value("SELECT count FROM region_counts WHERE region = '69'"), "1");
    const auto page = http_get(port, "/petitions/piscine", {{"Accept-Language", "en"}});
    EXPECT_EQ(page.status, 200u);
    EXPECT_EQ(api_signature_count(port, "piscine"), 1);
}

TEST(RetentionLegalHold, AnAdminPutsAPetitionOnLegalHoldAndLiftsItAudited) {
    // A second server, with accounts: the fixture's has none.
    ServerProcess server;
    server.create_petition("piscine", "Ouvrir la piscine");
    const auto admin_once = add_account(server, "ada@example.org", "admin");
    const auto organiser_once = add_account(server, "olga@example.org", "organiser");
    server.start();
    AdminBrowser admin(server.port());
    AdminBrowser organiser(server.port());
    ASSERT_EQ(admin.first_log_in("ada@example.org", admin_once, chosen_password).status, 303u);
    ASSERT_EQ(organiser.first_log_in("olga@example.org", organiser_once, chosen_password).status,
              303u);
    const auto id = store_value(server, "SELECT id FROM petitions");
    const auto path = "/admin/petitions/" + id;

    auto page = admin.get(path);
    ASSERT_EQ(page.status, 200u);
    EXPECT_TRUE(contains(page.body, "its signatures are kept 183 days, then anonymised"));
    EXPECT_TRUE(contains(page.body, "Not on legal hold."));
    // An organiser sees what happens, and may not hold.
    EXPECT_FALSE(contains(organiser.get(path).body, "/legal-hold"));
    EXPECT_EQ(
        organiser.post(path + "/legal-hold", {{"csrf", organiser.csrf_of(path)}, {"hold", "on"}})
            .status,
        403u);
    EXPECT_EQ(
        admin.post(path + "/legal-hold", {{"csrf", admin.csrf_of(path)}, {"hold", "maybe"}}).status,
        422u);
    EXPECT_EQ(admin.post(path + "/legal-hold", {{"hold", "on"}}).status, 403u);  // no token
    EXPECT_EQ(store_value(server, "SELECT legal_hold FROM petitions"), "0");

    auto held = admin.post(path + "/legal-hold", {{"csrf", admin.csrf_of(path)}, {"hold", "on"}});
    ASSERT_EQ(held.status, 303u);
    EXPECT_EQ(held.header("location"), path + "?done=legal_hold_on#data-title");
    EXPECT_EQ(store_value(server, "SELECT legal_hold FROM petitions"), "1");
    page = admin.get(path + "?done=legal_hold_on");
    EXPECT_TRUE(contains(page.body, "The petition is on legal hold."));
    EXPECT_TRUE(contains(page.body, "Lift the legal hold"));
    ASSERT_EQ(
        admin.post(path + "/legal-hold", {{"csrf", admin.csrf_of(path)}, {"hold", "off"}}).status,
        303u);
    EXPECT_EQ(store_value(server, "SELECT legal_hold FROM petitions"), "0");
    EXPECT_EQ(store_value(server,
                          "SELECT group_concat(action, ' ') FROM (SELECT action FROM "
                          "audit_log WHERE action LIKE 'legal_hold%' ORDER BY id)"),
              "legal_hold_on legal_hold_off");
    EXPECT_EQ(admin
                  .post("/admin/petitions/999/legal-hold",
                        {{"csrf", admin.csrf_of(path)}, {"hold", "on"}})
                  .status,
              404u);
}

TEST_F(RetentionRules, ThePrivacyPageGivesThePeriodsInForce) {
    const auto page = http_get(server_.port(), "/privacy", {{"Accept-Language", "en"}});
    ASSERT_EQ(page.status, 200u);
    for (const char* part :
         {"erased, with its link, after 12 days", "petition closes, then 40 days",
          "kept as they are for 7 days", "deleted after 20 days", "decided, then 100 days",
          "outbox for 5 days", "or 444 days after your last action",
          "A request you never confirm is erased after 12 days",
          // [backup] left out: keep fits the shortest period (5 days of mail), 5 times 24 h.
          "a copy for 120 hours at most"})
        EXPECT_TRUE(contains(page.body, part)) << part;
}

}  // namespace
}  // namespace rempart::testing
