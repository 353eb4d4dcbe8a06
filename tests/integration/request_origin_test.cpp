// Requests sent from another site against the real server: a hostile page must not make its
// visitors sign, confirm, withdraw or act in the back office; our own flows still pass.
#include <gtest/gtest.h>

#include <fstream>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

const std::string evil = "https://evil.example";

using testing::contains;

class CrossSiteRequests : public ::testing::Test {
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
        ASSERT_EQ(server_.run_cli({"user", "add", "--email", "ana@example.org", "--role", "admin"},
                                  &output),
                  0);
        once_ = line_after(output, "One-time password:");
        server_.start();
        ours_ = "http://127.0.0.1:" + std::to_string(server_.port());
    }

    HttpResponse sign(const std::string& email, Headers headers) {
        headers.emplace_back("Accept-Language", "en");
        return post_form(server_.port(), "/petitions/velo/sign",
                         signing_fields(server_.port(), "Marie Curie", email), std::move(headers));
    }
    HttpResponse link_action(const std::string& token, const std::string& action, Headers headers) {
        headers.emplace_back("Accept-Language", "en");
        return post_form(server_.port(), "/s/" + token + "/" + action, {}, std::move(headers));
    }
    std::string count(const std::string& table) {
        return store_rows(server_, "SELECT COUNT(*) FROM " + table).at(0).at(0);
    }
    std::string state_of(const std::string& email) {
        return store_rows(server_, "SELECT state FROM signatures WHERE email = '" + email + "'")
            .at(0)
            .at(0);
    }
    // Signs from our own page and returns the token of the confirmation link.
    std::string signed_up(const std::string& email) {
        const auto response = sign(email, {{"Origin", ours_}, {"Sec-Fetch-Site", "same-origin"}});
        EXPECT_EQ(response.status, 303u) << response.body;
        const auto mails = wait_for_mails(server_.dir() / "data" / "mail", 1);
        EXPECT_EQ(mails.size(), 1u);
        return mails.empty() ? "" : link_token(confirmation_link(mails[0]));
    }
    void log_in(AdminBrowser& browser) {
        ASSERT_EQ(browser.log_in("ana@example.org", once_).header("location"), "/admin/password");
        const auto changed =
            browser.post("/admin/password", {{"csrf", browser.csrf_of("/admin/password")},
                                             {"current", once_},
                                             {"new", chosen_password},
                                             {"confirm", chosen_password}});
        ASSERT_EQ(changed.status, 303u) << changed.body;
    }

    ServerProcess server_;
    std::string once_;
    std::string ours_;
};

TEST_F(CrossSiteRequests, SigningFromASandboxedFrameIs403AndNothingIsStored) {
    const auto refused = sign("marie@example.org", {{"Origin", "null"}});
    EXPECT_EQ(refused.status, 403u);
    EXPECT_TRUE(contains(refused.body, "sent from another site")) << refused.body;
    EXPECT_EQ(refused.header("cache-control"), "no-store");
    EXPECT_EQ(count("signatures"), "0");
    EXPECT_EQ(count("signing_events"), "0");  // refused before the signing path ever ran

    const auto french = post_form(server_.port(), "/petitions/velo/sign",
                                  signing_fields(server_.port(), "Marie", "marie@example.org"),
                                  {{"Origin", "null"}, {"Accept-Language", "fr"}});
    EXPECT_EQ(french.status, 403u);
    EXPECT_TRUE(contains(french.body, "envoyée depuis un autre site")) << french.body;
    EXPECT_EQ(count("signatures"), "0");
}

TEST_F(CrossSiteRequests, SigningFromAnotherSitesPageIs403WhateverHeaderTellsIt) {
    EXPECT_EQ(sign("a@example.org", {{"Origin", evil}}).status, 403u);
    EXPECT_EQ(sign("b@example.org", {{"Origin", ours_ + ".evil.example"}}).status, 403u);
    // An older browser sends no Origin, but Fetch Metadata or its Referer.
    EXPECT_EQ(sign("c@example.org", {{"Sec-Fetch-Site", "cross-site"}}).status, 403u);
    EXPECT_EQ(sign("d@example.org", {{"Referer", evil + "/petition-trap"}}).status, 403u);
    EXPECT_EQ(count("signatures"), "0");

    // Our own page, however the browser tells it, and a client that tells nothing.
    EXPECT_EQ(sign("e@example.org", {{"Origin", ours_}}).status, 303u);
    EXPECT_EQ(sign("f@example.org", {{"Sec-Fetch-Site", "same-origin"}}).status, 303u);
    EXPECT_EQ(sign("g@example.org", {{"Referer", ours_ + "/petitions/velo"}}).status, 303u);
    EXPECT_EQ(sign("h@example.org", {}).status, 303u);
    EXPECT_EQ(count("signatures"), "4");
}

TEST_F(CrossSiteRequests, ConfirmingOrWithdrawingFromAnotherSiteLeavesTheSignatureAsItWas) {
    const auto token = signed_up("marie@example.org");
    ASSERT_FALSE(token.empty());

    EXPECT_EQ(link_action(token, "confirm", {{"Origin", evil}}).status, 403u);
    EXPECT_EQ(link_action(token, "confirm", {{"Origin", "null"}}).status, 403u);
    EXPECT_EQ(link_action(token, "confirm", {{"Sec-Fetch-Site", "cross-site"}}).status, 403u);
    EXPECT_EQ(state_of("marie@example.org"), "pending");

    const auto confirmed =
        link_action(token, "confirm", {{"Origin", ours_}, {"Sec-Fetch-Site", "same-origin"}});
    ASSERT_EQ(confirmed.status, 303u) << confirmed.body;
    EXPECT_EQ(state_of("marie@example.org"), "confirmed");

    EXPECT_EQ(link_action(token, "withdraw", {{"Origin", evil}}).status, 403u);
    EXPECT_EQ(link_action(token, "withdraw", {{"Referer", evil + "/"}}).status, 403u);
    EXPECT_EQ(state_of("marie@example.org"), "confirmed");

    const auto withdrawn =
        link_action(token, "withdraw", {{"Origin", ours_}, {"Sec-Fetch-Site", "same-origin"}});
    ASSERT_EQ(withdrawn.status, 303u) << withdrawn.body;
    EXPECT_EQ(state_of("marie@example.org"), "withdrawn");
}

TEST_F(CrossSiteRequests, TheLinkPageItselfStillOpensFromAMail) {
    // A webmail opens the link from its own site: reading is never refused.
    const auto token = signed_up("marie@example.org");
    ASSERT_FALSE(token.empty());
    const auto page = http_get(server_.port(), "/s/" + token,
                               {{"Sec-Fetch-Site", "cross-site"}, {"Referer", evil + "/inbox"}});
    EXPECT_EQ(page.status, 200u);
}

TEST_F(CrossSiteRequests, TheBackOfficeRefusesAnotherSitesPostsEvenWithTheRightToken) {
    AdminBrowser browser(server_.port());
    log_in(browser);
    const auto csrf = browser.csrf_of("/admin/shield");
    ASSERT_FALSE(csrf.empty());
    const auto forced =
        browser.post("/admin/shield/mode", {{"csrf", csrf}, {"mode", "on"}}, {{"Origin", evil}});
    EXPECT_EQ(forced.status, 403u);
    EXPECT_TRUE(contains(forced.body, "sent from another site")) << forced.body;
    EXPECT_EQ(
        browser.post("/admin/logout", {{"csrf", csrf}}, {{"Sec-Fetch-Site", "cross-site"}}).status,
        403u);
    EXPECT_EQ(browser.get("/admin").status, 200u);  // still logged in
    EXPECT_EQ(count("audit_log WHERE action = 'gate_mode'"), "0");

    // A login form posted from elsewhere: refused before any password is tried.
    AdminBrowser stranger(server_.port());
    const auto login_csrf = stranger.csrf_of("/admin/login");
    EXPECT_EQ(
        stranger
            .post(
                "/admin/login",
                {{"csrf", login_csrf}, {"email", "ana@example.org"}, {"password", chosen_password}},
                {{"Origin", "null"}})
            .status,
        403u);
    EXPECT_TRUE(stranger.cookies.find("rempart_admin") == stranger.cookies.end());

    // From our own pages, the same posts work.
    EXPECT_EQ(browser
                  .post("/admin/logout", {{"csrf", csrf}},
                        {{"Origin", ours_}, {"Sec-Fetch-Site", "same-origin"}})
                  .status,
              303u);
}

TEST_F(CrossSiteRequests, RefusalsAreCountedAndSummedUpInOneLogLine) {
    for (int i = 0; i < 3; ++i) EXPECT_EQ(sign("a@example.org", {{"Origin", "null"}}).status, 403u);
    EXPECT_EQ(sign("b@example.org", {{"Referer", evil + "/"}}).status, 403u);
    const auto metrics = http_get(server_.port(), "/metrics").body;
    EXPECT_TRUE(contains(metrics, "rempart_origin_refused_total{verdict=\"null_origin\"} 3"));
    EXPECT_TRUE(contains(metrics, "rempart_origin_refused_total{verdict=\"foreign_referer\"} 1"));
    EXPECT_TRUE(contains(metrics, "route=\"sign\",status=\"403\"} 4"));
    // One line a second, however many refusals; bounded wait, not a timing assumption.
    EXPECT_TRUE(server_.log_contains("ORIGIN_REFUSED ", std::chrono::seconds(15)));
    const auto log = server_.log_text();
    std::size_t summed = 0;
    for (std::size_t at = log.find("ORIGIN_REFUSED "); at != std::string::npos;
         at = log.find("ORIGIN_REFUSED ", at + 1))
        ++summed;
    EXPECT_GE(summed, 1u);
    EXPECT_LE(summed, 4u);
    EXPECT_FALSE(contains(log, "route=sign status=403"));  // no line per request
}

}  // namespace
}  // namespace rempart::testing
