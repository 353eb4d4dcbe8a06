// The trusted values page against the real server: a moderator trusts a campus's domain,
// bad values are refused beside their field, and the running defence stops watching the
// domain at once.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

class AdminTrusted : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("bocage", "Le bocage");
        std::string output;
        ASSERT_EQ(
            server_.run_cli({"user", "add", "--email", "mod@example.org", "--role", "moderator"},
                            &output),
            0);
        const auto once = line_after(output, "One-time password:");
        server_.start();
        ASSERT_EQ(browser_.first_log_in("mod@example.org", once, chosen_password).status, 303u);
        csrf_ = browser_.csrf_of("/admin/trusted");
    }
    HttpResponse add(const std::string& kind, const std::string& value,
                     const std::string& scope = "site", const std::string& note = "") {
        return browser_.post(
            "/admin/trusted",
            {{"csrf", csrf_}, {"kind", kind}, {"value", value}, {"scope", scope}, {"note", note}});
    }
    // Students of one campus, in real browsers, from four networks: a crowd.
    void students(int first, int count) {
        const auto port = server_.port();
        const char* networks[] = {"192.0.2.", "198.51.100.", "203.0.113.", "127.1.0."};
        for (int i = first; i < first + count; ++i) {
            const auto answer = post_form(
                port, "/petitions/bocage/sign",
                signing_fields(port, "Étudiant " + std::to_string(i),
                               "e" + std::to_string(i) + "@etu.campus.example",
                               {{"altcha", solve_altcha(port, "bocage")}}),
                {{"X-Forwarded-For", networks[i % 4] + std::to_string(i + 1)},
                 {"User-Agent",
                  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, "
                  "like Gecko) Version/17.2 Safari/605.1.15"}});
            ASSERT_EQ(answer.status, 303u) << i;
        }
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"};
    AdminBrowser browser_{server_.port()};
    std::string csrf_;
};

TEST_F(AdminTrusted, BadValuesAreRefusedBesideTheirFieldAndWhatWasTypedStays) {
    const auto page = browser_.get("/admin/trusted");
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("A trusted value never makes a cluster on its own"),
              std::string::npos);
    EXPECT_NE(page.body.find("The risk:"), std::string::npos);
    EXPECT_NE(page.body.find("Nothing is trusted yet."), std::string::npos);
    EXPECT_NE(page.body.find("<option value=\"bocage\">Le bocage</option>"), std::string::npos);

    const auto wide = add("network", "10.0.0.0/8", "site", "tout Free");
    EXPECT_EQ(wide.status, 422u);
    EXPECT_NE(wide.body.find("<small id=\"value-error\" class=\"form-error\">This network is too "
                             "wide: at most a /16 in IPv4"),
              std::string::npos)
        << wide.body;
    EXPECT_EQ(input_value(wide.body, "value"), "10.0.0.0/8");
    EXPECT_EQ(input_value(wide.body, "note"), "tout Free");
    EXPECT_NE(wide.body.find("<option value=\"network\" selected>"), std::string::npos);

    const auto bad = add("network", "193.48.0.0/99");
    EXPECT_EQ(bad.status, 422u);
    EXPECT_NE(bad.body.find("This is not a network: write it like 193.48.0.0/16"),
              std::string::npos);
    const auto domain = add("email_domain", "pas un domaine");
    EXPECT_EQ(domain.status, 422u);
    EXPECT_NE(domain.body.find("This is not a mail domain"), std::string::npos);
    EXPECT_EQ(add("ip", "192.0.2.1").status, 422u);
    const auto nowhere = add("email_domain", "campus.example", "nope");
    EXPECT_EQ(nowhere.status, 422u);
    EXPECT_NE(nowhere.body.find("Choose the whole site or a petition from the list."),
              std::string::npos);
    const auto long_note = add("email_domain", "campus.example", "site", std::string(201, 'n'));
    EXPECT_EQ(long_note.status, 422u);
    EXPECT_NE(long_note.body.find("200 characters at most."), std::string::npos);
    EXPECT_EQ(add("email_domain", "campus.example", "site", std::string(200, 'n')).status, 303u);

    // Without the form's token nothing is trusted.
    EXPECT_EQ(
        browser_.post("/admin/trusted", {{"kind", "email_domain"}, {"value", "x.example"}}).status,
        403u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM trusted_values"), "1");
    EXPECT_EQ(browser_.post("/admin/trusted/1/remove", {}).status, 403u);
    EXPECT_EQ(browser_.post("/admin/trusted/99/remove", {{"csrf", csrf_}}).status, 404u);

    // Nobody logged in: sent to the login page, and a post is refused.
    AdminBrowser stranger(server_.port());
    EXPECT_EQ(stranger.get("/admin/trusted").header("location"),
              "/admin/login?next=/admin/trusted");
    EXPECT_EQ(stranger.get("/admin/watches/1").header("location"),
              "/admin/login?next=/admin/watches/1");
    EXPECT_EQ(
        stranger.post("/admin/trusted", {{"kind", "network"}, {"value", "192.0.2.0/24"}}).status,
        403u);
}

TEST_F(AdminTrusted, ATrustedCampusDomainIsNoLongerWatchedAndCanBeRemoved) {
    const auto added = add("email_domain", "Campus.Example", "bocage", "the campus's students");
    ASSERT_EQ(added.status, 303u) << added.body;
    EXPECT_EQ(added.header("location"), "/admin/trusted?done=added");
    const auto page = browser_.get("/admin/trusted?done=added");
    EXPECT_NE(page.body.find("The value is trusted from now on."), std::string::npos);
    EXPECT_NE(page.body.find("<td class=\"trusted-value\">campus.example</td><td>Le "
                             "bocage</td><td>the campus&apos;s students</td><td>mod@example.org"),
              std::string::npos)
        << page.body;
    // The same again is refused, kept as typed.
    const auto twice = add("email_domain", "campus.example", "bocage");
    EXPECT_EQ(twice.status, 422u);
    EXPECT_NE(twice.body.find("This value is already trusted"), std::string::npos);
    // For the whole site it is another value.
    ASSERT_EQ(add("network", "193.48.0.0/16", "site").status, 303u);

    // The running defence heard of it: the campus's subdomain no longer makes a watch.
    students(0, 34);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM watches"), "0");
    EXPECT_TRUE(
        server_.log_contains("TRUST_CHANGED change=added kind=email_domain "
                             "value=\"campus.example\" petition=bocage by=mod@example.org"));

    const auto id = store_value(server_,
                                "SELECT id FROM trusted_values WHERE value = "
                                "'campus.example'");
    const auto removed = browser_.post("/admin/trusted/" + id + "/remove", {{"csrf", csrf_}});
    ASSERT_EQ(removed.status, 303u);
    EXPECT_EQ(removed.header("location"), "/admin/trusted?done=removed");
    EXPECT_NE(browser_.get("/admin/trusted?done=removed").body.find("no longer trusted"),
              std::string::npos);
    EXPECT_EQ(browser_.post("/admin/trusted/" + id + "/remove", {{"csrf", csrf_}}).status, 404u);
    EXPECT_EQ(store_value(server_, "SELECT value FROM trusted_values"), "193.48.0.0/16");
    // Told of the removal too: the domain is watched again.
    students(34, 32);
    for (int i = 0; i < 50 && store_value(server_, "SELECT COUNT(*) FROM watches") == "0"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_EQ(store_value(server_, "SELECT dimension || ' ' || key_value FROM watches"),
              "email_domain etu.campus.example");
    EXPECT_EQ(store_value(server_,
                          "SELECT group_concat(action || ': ' || detail, ' | ') FROM "
                          "audit_log WHERE action LIKE 'trust_%'"),
              "trust_added: email_domain campus.example, petition bocage: the campus's students | "
              "trust_added: network 193.48.0.0/16, whole site | "
              "trust_removed: trusted value " +
                  id + " (email_domain campus.example, petition bocage)");
}

}  // namespace
}  // namespace rempart::testing
