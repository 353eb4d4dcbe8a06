// The watches against the real server: a crowd of real browsers repeats one comment or one
// mail domain, the defence only watches, and a moderator looks at the signers, dismisses
// the watch or invalidates its signatures by hand.
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

const std::string browser_agent =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
    "Safari/537.36";
const std::string comment = "Sauvons le bocage de la Prée";

class AdminWatches : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("bocage", "Le bocage");
        std::string output;
        ASSERT_EQ(
            server_.run_cli({"user", "add", "--email", "mod@example.org", "--role", "moderator"},
                            &output),
            0);
        once_ = line_after(output, "One-time password:");
        server_.start();
    }
    // Real people in real browsers, from four networks the AS table knows (none a data
    // centre), each with the `extra` fields.
    void crowd(int signers, const std::function<Fields(int)>& extra) {
        const auto port = server_.port();
        const char* networks[] = {"192.0.2.", "198.51.100.", "203.0.113.", "127.1.0."};
        for (int i = 0; i < signers; ++i) {
            auto fields = extra(i);
            fields.push_back({"altcha", solve_altcha(port, "bocage")});
            const auto answer = post_form(
                port, "/petitions/bocage/sign",
                signing_fields(port, "Personne " + std::to_string(i), email_of(i), fields),
                {{"X-Forwarded-For", networks[i % 4] + std::to_string(i + 1)},
                 {"User-Agent", browser_agent}});
            ASSERT_EQ(answer.status, 303u) << i;
        }
    }
    std::function<std::string(int)> email_of = [](int i) {
        return "p" + std::to_string(i) + "@d" + std::to_string(i) + ".example";
    };
    // The watch is written by the writer after the answer: waits for it, 5 s at most.
    std::string wait_for_watch() {
        for (int i = 0; i < 50; ++i) {
            const auto id = store_value(server_, "SELECT id FROM watches");
            if (!id.empty()) return id;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return "";
    }
    void log_in(AdminBrowser& browser) {
        ASSERT_EQ(browser.first_log_in("mod@example.org", once_, chosen_password).status, 303u);
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[shield]\npow_max_number = 50\n"};
    std::string once_;
};

TEST_F(AdminWatches, ACrowdSharingOneCommentIsWatchedShownAndDismissed) {
    crowd(32, [](int) { return Fields{{"comment", comment}, {"postcode", "44130"}}; });
    ASSERT_EQ(wait_for_watch(), "1");
    // Watched, nothing set aside, no incident.
    EXPECT_EQ(store_value(server_, "SELECT dimension || ' ' || state FROM watches"),
              "comment open");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM incidents"), "0");
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM signatures WHERE state = 'quarantined'"),
              "0");

    AdminBrowser browser(server_.port());
    log_in(browser);
    const auto home = browser.get("/admin");
    EXPECT_NE(home.body.find("<a href=\"/admin/watches\">1 open watch</a>"), std::string::npos)
        << home.body;
    EXPECT_NE(browser.get("/admin/incidents").body.find("href=\"/admin/watches\""),
              std::string::npos);

    const auto list = browser.get("/admin/watches");
    ASSERT_EQ(list.status, 200u);
    EXPECT_NE(list.body.find("A watch is a value that came back many times"), std::string::npos);
    EXPECT_NE(list.body.find("<a href=\"/admin/watches/1\">1</a>"), std::string::npos);
    // The comment as signers typed it, not its hash.
    EXPECT_NE(list.body.find("One comment repeated: Sauvons le bocage de la Prée"),
              std::string::npos)
        << list.body;
    EXPECT_NE(list.body.find("<strong class=\"open-watches\">1</strong>"), std::string::npos);

    const auto page = browser.get("/admin/watches/1");
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_EQ(page.body.find("<script"), std::string::npos);
    EXPECT_NE(page.body.find("<dd class=\"watch-state\">Open</dd>"), std::string::npos);
    // Why the defence did not act, in the reader's language.
    EXPECT_NE(page.body.find("Why the defence did not act"), std::string::npos);
    EXPECT_NE(page.body.find("with no sign of automation"), std::string::npos) << page.body;
    EXPECT_NE(page.body.find("came from only 4 networks"), std::string::npos);
    // The signers: every one of them behind the value, each with a postcode.
    EXPECT_NE(page.body.find("The earliest 32 of the 32 signatures"), std::string::npos)
        << page.body;
    EXPECT_NE(page.body.find("<td>Personne 31</td>"), std::string::npos);
    EXPECT_NE(page.body.find("<td>44130</td>"), std::string::npos);
    // The form cannot select by comment: the page says so instead of offering it.
    EXPECT_NE(page.body.find("cannot select signatures by this kind of value"), std::string::npos);
    EXPECT_EQ(page.body.find("invalidation-link"), std::string::npos);

    // Without the form's token nothing happens.
    EXPECT_EQ(browser.post("/admin/watches/1/dismiss", {}).status, 403u);
    EXPECT_EQ(store_value(server_, "SELECT state FROM watches"), "open");

    const auto csrf = browser.csrf_of("/admin/watches/1");
    const auto dismissed = browser.post("/admin/watches/1/dismiss", {{"csrf", csrf}});
    ASSERT_EQ(dismissed.status, 303u) << dismissed.body;
    EXPECT_EQ(dismissed.header("location"), "/admin/watches/1?done=dismissed");
    const auto after = browser.get("/admin/watches/1?done=dismissed");
    EXPECT_NE(after.body.find("The watch was dismissed"), std::string::npos);
    EXPECT_NE(after.body.find("Dismissed: a real crowd (by mod@example.org"), std::string::npos)
        << after.body;
    EXPECT_EQ(after.body.find("/admin/watches/1/dismiss"), std::string::npos);  // no more buttons
    EXPECT_EQ(store_value(server_, "SELECT state || ' ' || decided_by FROM watches"),
              "dismissed mod@example.org");
    // Nothing changed for the signers.
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM signatures WHERE state = 'pending'"),
              "32");
    EXPECT_NE(browser.get("/admin").body.find("0 open watches"), std::string::npos);

    // Decided twice, or by a hand-made request: said clearly, nothing changed.
    const auto twice = browser.post("/admin/watches/1/dismiss", {{"csrf", csrf}});
    EXPECT_EQ(twice.status, 409u);
    EXPECT_NE(twice.body.find("This watch was already closed"), std::string::npos);
    EXPECT_EQ(browser.post("/admin/watches/1/invalidated", {{"csrf", csrf}}).status, 409u);
    EXPECT_EQ(browser.post("/admin/watches/1/shrug", {{"csrf", csrf}}).status, 404u);
    EXPECT_EQ(browser.post("/admin/watches/99/dismiss", {{"csrf", csrf}}).status, 404u);
    const auto missing = browser.get("/admin/watches/99");
    EXPECT_EQ(missing.status, 404u);
    EXPECT_NE(missing.body.find("There is no such watch."), std::string::npos);
    EXPECT_EQ(browser.get("/admin/watches/abc").status, 404u);

    EXPECT_EQ(store_value(server_,
                          "SELECT users.email || ' ' || detail FROM audit_log JOIN users ON "
                          "audit_log.actor = 'account:' || users.id WHERE action = "
                          "'watch_dismissed'"),
              "mod@example.org watch 1 (comment, petition bocage)");
    EXPECT_TRUE(server_.log_contains("WATCH_DECIDED watch=1"));

    // A French-speaking moderator reads the same page in French.
    browser.extra_headers = {{"Accept-Language", "fr"}};
    const auto french = browser.get("/admin/watches/1");
    EXPECT_NE(french.body.find("Pourquoi la défense n&apos;a pas agi"), std::string::npos);
    EXPECT_NE(french.body.find("Classée : une vraie foule"), std::string::npos);
}

TEST_F(AdminWatches, ACampusDomainIsInvalidatedByHandFromItsWatch) {
    email_of = [](int i) { return "etudiant" + std::to_string(i) + "@etu.campus.example"; };
    crowd(32, [](int) { return Fields{}; });
    ASSERT_EQ(wait_for_watch(), "1");
    EXPECT_EQ(store_value(server_, "SELECT dimension || ' ' || key_value FROM watches"),
              "email_domain etu.campus.example");

    AdminBrowser browser(server_.port());
    log_in(browser);
    const auto page = browser.get("/admin/watches/1");
    ASSERT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("Mail domain: etu.campus.example"), std::string::npos);
    // The form, prefilled with the petition, the domain and the time since the first attempt.
    const auto from = page.body.find(
        "href=\"/admin/invalidate?petition=bocage&amp;kind="
        "email_domain&amp;value=etu.campus.example&amp;from=");
    ASSERT_NE(from, std::string::npos) << page.body;
    auto link = page.body.substr(from + 6, page.body.find('"', from + 6) - from - 6);
    for (auto at = link.find("&amp;"); at != std::string::npos; at = link.find("&amp;"))
        link.replace(at, 5, "&");
    const auto form = browser.get(link);
    ASSERT_EQ(form.status, 200u);
    EXPECT_EQ(input_value(form.body, "value"), "etu.campus.example");
    EXPECT_NE(form.body.find("<option value=\"email_domain\" selected>"), std::string::npos);
    EXPECT_FALSE(input_value(form.body, "from").empty());
    EXPECT_FALSE(input_value(form.body, "to").empty());
    // Nothing is counted, let alone changed, by opening it.
    EXPECT_EQ(form.body.find("class=\"preview\""), std::string::npos);

    const auto csrf = browser.csrf_of("/admin/watches/1");
    const Fields fields{{"csrf", csrf},
                        {"petition", "bocage"},
                        {"kind", "email_domain"},
                        {"value", input_value(form.body, "value")},
                        {"from", input_value(form.body, "from")},
                        {"to", input_value(form.body, "to")}};
    const auto counted = browser.post("/admin/invalidate", fields);
    EXPECT_NE(counted.body.find("<strong class=\"matching\">32</strong>"), std::string::npos)
        << counted.body;
    auto confirmed = fields;
    confirmed.push_back({"confirm", "1"});
    ASSERT_EQ(browser.post("/admin/invalidate", confirmed).status, 200u);
    EXPECT_EQ(store_value(server_, "SELECT COUNT(*) FROM signatures WHERE state = 'invalidated'"),
              "32");

    const auto marked = browser.post("/admin/watches/1/invalidated", {{"csrf", csrf}});
    ASSERT_EQ(marked.status, 303u);
    EXPECT_EQ(marked.header("location"), "/admin/watches/1?done=invalidated");
    const auto after = browser.get("/admin/watches/1?done=invalidated");
    EXPECT_NE(after.body.find("The watch was marked as invalidated."), std::string::npos);
    EXPECT_NE(after.body.find("Invalidated by hand"), std::string::npos);
    EXPECT_EQ(store_value(server_, "SELECT state FROM watches"), "invalidated");
    EXPECT_EQ(
        store_value(server_, "SELECT COUNT(*) FROM audit_log WHERE action = 'watch_invalidated'"),
        "1");
}

TEST_F(AdminWatches, AWatchTheDefenceActedOnLaterLinksToItsIncident) {
    crowd(32, [](int) { return Fields{{"comment", comment}}; });
    ASSERT_EQ(wait_for_watch(), "1");
    // Then a script joins in with the same comment from the same networks, and says it is
    // one (no user agent): once it is half of those repeating the comment, the defence acts.
    const auto port = server_.port();
    const char* networks[] = {"192.0.2.", "198.51.100.", "203.0.113.", "127.1.0."};
    for (int i = 0; i < 40; ++i)
        post_form(port, "/petitions/bocage/sign",
                  signing_fields(port, "Robot " + std::to_string(i),
                                 "r" + std::to_string(i) + "@bots" + std::to_string(i) + ".example",
                                 {{"comment", comment}, {"altcha", solve_altcha(port, "bocage")}}),
                  {{"X-Forwarded-For", networks[i % 4] + std::to_string(100 + i)}});
    for (int i = 0; i < 50 && store_value(server_, "SELECT state FROM watches") == "open"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_EQ(store_value(server_, "SELECT state FROM watches"), "escalated");
    const auto incident = store_value(server_, "SELECT incident_id FROM watches");
    ASSERT_FALSE(incident.empty());

    AdminBrowser browser(server_.port());
    log_in(browser);
    const auto page = browser.get("/admin/watches/1");
    EXPECT_NE(page.body.find("Became an incident (by the defence"), std::string::npos) << page.body;
    EXPECT_NE(
        page.body.find("the defence acted by itself, in incident <a href=\"/admin/incidents/" +
                       incident + "\">"),
        std::string::npos);
    EXPECT_EQ(page.body.find("/admin/watches/1/dismiss"), std::string::npos);
    EXPECT_EQ(
        browser.post("/admin/watches/1/dismiss", {{"csrf", browser.csrf_of("/admin/watches/1")}})
            .status,
        409u);
}

}  // namespace
}  // namespace rempart::testing
