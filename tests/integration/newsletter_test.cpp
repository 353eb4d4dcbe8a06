// The association's newsletter as a double opt-in, against the real server and its Maildir:
// the box only asks, a second mail shows the words, only the click on "Yes" subscribes, the
// proof is kept; the organisers download the current subscribers for their mailing tool;
// one click on the leave link erases the address and the next download no longer has it;
// silence ends it at its time.
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

constexpr std::int64_t newsletter_test_day = 86400;

class Newsletter : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("piscine", "Ouvrir la piscine");
        for (const auto& [email, role] : {std::pair{"orga@example.org", "organiser"},
                                          std::pair{"mod@example.org", "moderator"}}) {
            std::string output;
            ASSERT_EQ(server_.run_cli({"user", "add", "--email", email, "--role", role}, &output),
                      0);
            passwords_.push_back(line_after(output, "One-time password:"));
        }
        server_.start();
    }
    std::filesystem::path maildir() const { return server_.dir() / "data" / "mail"; }
    void sign(const std::string& name, const std::string& email, bool newsletter) {
        Fields extra{{"altcha", solve_altcha(server_.port(), "piscine")}};
        if (newsletter) extra.emplace_back("newsletter", "1");
        ASSERT_EQ(post_form(server_.port(), "/petitions/piscine/sign",
                            signing_fields(server_.port(), name, email, extra))
                      .status,
                  303u);
    }
    void confirm_signatures(std::size_t mails) {
        for (const auto& mail : wait_for_mails(maildir(), mails)) {
            const auto link = confirmation_link(mail);
            if (link.empty()) continue;
            ASSERT_EQ(post_form(server_.port(), "/s/" + link_token(link) + "/confirm", {}).status,
                      303u);
        }
    }
    // The first newsletter mail to `to`, waited for (bounded), raw.
    std::string newsletter_mail(const std::string& to, std::size_t mails) {
        for (const auto& mail : wait_for_mails(maildir(), mails))
            if (contains(mail, "To: " + to) && contains(decoded_body(mail), "/newsletter/confirm/"))
                return mail;
        return {};
    }
    static std::string path_in(const std::string& text, const std::string& pattern) {
        std::smatch match;
        return std::regex_search(text, match, std::regex(pattern)) ? std::string(match[0]) : "";
    }
    HttpResponse get(const std::string& target) {
        return http_get(server_.port(), target, {{"Accept-Language", "en"}});
    }
    HttpResponse post(const std::string& target, const Fields& fields) {
        return post_form(server_.port(), target, fields, {{"Accept-Language", "en"}});
    }
    std::string value(const std::string& sql) { return store_value(server_, sql); }

    ServerProcess server_{"[retention]\nnewsletter_idle_days = 10\nunconfirmed_days = 4\n"};
    std::vector<std::string> passwords_;
};

TEST_F(Newsletter, TheBoxAsksOnlyTheSecondConfirmationSubscribesAndOneClickEndsIt) {
    sign("Marie Curie", "marie@example.org", true);
    sign("Paul Langevin", "paul@example.org", false);
    // Nothing is asked before the signature is confirmed.
    ASSERT_EQ(wait_for_mails(maildir(), 2).size(), 2u);
    EXPECT_EQ(value("SELECT COUNT(*) FROM newsletter_subscribers"), "0");
    confirm_signatures(2);

    // One second mail, to Marie only, with its confirmation and its leave link.
    const auto mail = newsletter_mail("marie@example.org", 3);
    ASSERT_FALSE(mail.empty());
    const auto body = decoded_body(mail);
    const auto confirm = path_in(body, "/newsletter/confirm/[0-9]+-[0-9a-f]{32}");
    const auto leave = path_in(body, "/newsletter/leave/[0-9]+-[0-9a-f]{32}");
    ASSERT_FALSE(confirm.empty());
    ASSERT_FALSE(leave.empty());
    EXPECT_TRUE(contains(mail, "List-Unsubscribe:")) << mail;
    EXPECT_TRUE(contains(mail, "List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    EXPECT_EQ(value("SELECT group_concat(state) FROM newsletter_subscribers"), "pending");
    EXPECT_TRUE(server_.log_contains("NEWSLETTER_CONSENT subscriber=1 step=asked"));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(maildir_messages(maildir()).size(), 3u);  // none for Paul

    // The page shows the words and whose address; opening it subscribes nobody.
    const auto page = get(confirm);
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_TRUE(contains(page.body, "I want to receive the newsletter of"));
    EXPECT_TRUE(contains(page.body, "It will go to marie@example.org."));
    const auto version = path_in(page.body, "name=\"words\" value=\"[0-9a-f]{12}\"");
    ASSERT_FALSE(version.empty());
    const auto words = version.substr(version.size() - 13, 12);
    EXPECT_EQ(value("SELECT state FROM newsletter_subscribers"), "pending");

    // Words other than those on the page are not consent: shown again, 409.
    const auto stale = post(confirm, {{"words", "000000000000"}});
    EXPECT_EQ(stale.status, 409u);
    EXPECT_TRUE(contains(stale.body, "The words changed since this page was shown"));
    EXPECT_EQ(value("SELECT state FROM newsletter_subscribers"), "pending");
    // A link the server did not make, or the leave link used to confirm: 404.
    EXPECT_EQ(post("/newsletter/confirm/1-00000000000000000000000000000000", {{"words", words}})
                  .status,
              404u);
    EXPECT_EQ(post("/newsletter/confirm/" + leave.substr(leave.rfind('/') + 1), {{"words", words}})
                  .status,
              404u);

    const auto yes = post(confirm, {{"words", words}});
    ASSERT_EQ(yes.status, 200u);
    EXPECT_TRUE(contains(yes.body, "Done: you will receive the newsletter."));
    EXPECT_EQ(value("SELECT state || ' ' || confirmed_from || ' ' || words FROM "
                    "newsletter_subscribers"),
              "subscribed 127.0.0.0/24 " + words);
    EXPECT_TRUE(contains(value("SELECT words FROM consent_wordings WHERE version = '" + words + "'"),
                         "I want to receive the newsletter of"));
    EXPECT_TRUE(contains(post(confirm, {{"words", words}}).body,
                         "You already receive the newsletter."));

    // The organisers download the current subscribers with their proof; a moderator may not.
    AdminBrowser organiser(server_.port());
    ASSERT_EQ(organiser.first_log_in("orga@example.org", passwords_[0], chosen_password).status,
              303u);
    EXPECT_TRUE(contains(organiser.get("/admin").body, "href=\"/admin/newsletter\""));
    const auto admin_page = organiser.get("/admin/newsletter");
    ASSERT_EQ(admin_page.status, 200u);
    EXPECT_TRUE(contains(admin_page.body, "<dd id=\"count-subscribed\">1</dd>"));
    EXPECT_TRUE(contains(admin_page.body, "after 10 days without a real action"));
    auto csv = organiser.get("/admin/newsletter.csv");
    ASSERT_EQ(csv.status, 200u);
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_TRUE(contains(csv.body, "\"marie@example.org\",\"fr\","));
    EXPECT_TRUE(contains(csv.body, "I want to receive the newsletter of"));
    EXPECT_TRUE(contains(csv.body, "/petitions/piscine\""));
    EXPECT_TRUE(contains(csv.body, leave + "\"\r\n")) << csv.body;
    EXPECT_FALSE(contains(csv.body, "paul@example.org"));
    EXPECT_EQ(value("SELECT detail FROM audit_log WHERE action = 'newsletter_exported'"),
              "1 subscribers");
    AdminBrowser moderator(server_.port());
    ASSERT_EQ(moderator.first_log_in("mod@example.org", passwords_[1], chosen_password).status,
              303u);
    EXPECT_EQ(moderator.get("/admin/newsletter.csv").status, 403u);

    // Her own page and its export show the subscription with its proof.
    ASSERT_EQ(post("/my-data", {{"email", "marie@example.org"}}).status, 303u);
    std::string my_data;
    for (const auto& raw : wait_for_mails(maildir(), 4))
        if (my_data.empty())
            my_data = path_in(decoded_body(raw), "/my-data/[A-Za-z0-9_-]{43}");
    ASSERT_FALSE(my_data.empty());
    EXPECT_TRUE(contains(get(my_data).body, "You receive it since"));
    const auto json = boost::json::parse(get(my_data + "/export.json").body);
    const auto& subscription = json.at("newsletter").as_object();
    EXPECT_EQ(subscription.at("state").as_string(), "subscribed");
    EXPECT_EQ(subscription.at("words_version").as_string(), words);
    EXPECT_EQ(subscription.at("confirmed_from").as_string(), "127.0.0.0/24");

    // A mail program's one click ends it: the address erased, the step journaled.
    const auto leave_page = get(leave);
    ASSERT_EQ(leave_page.status, 200u);
    EXPECT_TRUE(contains(leave_page.body, "action=\"" + leave + "\""));
    const auto left = http_request(server_.port(), "POST", leave, "List-Unsubscribe=One-Click",
                                   {{"Content-Type", "application/x-www-form-urlencoded"}});
    ASSERT_EQ(left.status, 200u);
    EXPECT_EQ(value("SELECT state || ' ' || ended_how || ' ' || COALESCE(email, 'erased') FROM "
                    "newsletter_subscribers"),
              "left one_click erased");
    EXPECT_TRUE(contains(get(leave).body, "This address no longer receives the newsletter."));
    std::ifstream journal(server_.dir() / "backups" / "erasures.journal");
    std::stringstream lines;
    lines << journal.rdbuf();
    EXPECT_TRUE(contains(lines.str(), "\"step\":\"leave_newsletter\"")) << lines.str();
    EXPECT_FALSE(contains(lines.str(), "marie"));
    csv = organiser.get("/admin/newsletter.csv");
    EXPECT_FALSE(contains(csv.body, "marie@example.org"));
    // Her signature stays as it was.
    EXPECT_EQ(value("SELECT state FROM signatures WHERE email = 'marie@example.org'"),
              "confirmed");
}

TEST_F(Newsletter, SilenceEndsItAtItsTimeAndARequestNeverConfirmedGoes) {
    sign("Marie Curie", "marie@example.org", true);
    sign("Irène Joliot", "irene@example.org", true);
    confirm_signatures(2);
    const auto mail = newsletter_mail("marie@example.org", 4);
    ASSERT_FALSE(mail.empty());
    const auto confirm = path_in(decoded_body(mail), "/newsletter/confirm/[0-9]+-[0-9a-f]{32}");
    const auto page = get(confirm);
    const auto version = path_in(page.body, "name=\"words\" value=\"[0-9a-f]{12}\"");
    ASSERT_FALSE(version.empty());
    ASSERT_EQ(post(confirm, {{"words", version.substr(version.size() - 13, 12)}}).status, 200u);
    const auto start = std::stoll(value("SELECT MIN(asked_at) FROM newsletter_subscribers"));

    const auto apply_at = [&](std::int64_t days) {
        std::string output;
        EXPECT_EQ(server_.run_cli({"retention", "--now",
                                   std::to_string(start + days * newsletter_test_day + 60)},
                                  &output),
                  0)
            << output;
        return output;
    };
    // Day 3: nothing yet. Day 4: Irène's request, never confirmed, is gone with its mail.
    EXPECT_TRUE(contains(apply_at(3), "Newsletter subscriptions ended or never confirmed: 0"));
    EXPECT_EQ(value("SELECT group_concat(state) FROM (SELECT state FROM newsletter_subscribers "
                    "ORDER BY state DESC)"),
              "subscribed,pending");
    EXPECT_TRUE(contains(apply_at(4), "Newsletter subscriptions ended or never confirmed: 1"));
    EXPECT_EQ(value("SELECT group_concat(state) FROM newsletter_subscribers"), "subscribed");
    EXPECT_EQ(value("SELECT COUNT(*) FROM outbox WHERE newsletter_id IS NOT NULL"), "1");
    // Day 10 after her last action: Marie's ends, her address erased.
    EXPECT_TRUE(contains(apply_at(9), "Newsletter subscriptions ended or never confirmed: 0"));
    EXPECT_TRUE(contains(apply_at(10), "Newsletter subscriptions ended or never confirmed: 1"));
    EXPECT_EQ(value("SELECT state || ' ' || COALESCE(email, 'erased') FROM newsletter_subscribers"),
              "expired erased");
    // The privacy page gives both periods as applied.
    const auto privacy = get("/privacy");
    EXPECT_TRUE(contains(privacy.body, "or 10 days after your last action"));
    EXPECT_TRUE(contains(privacy.body, "A request you never confirm is erased after 4 days."));
}

}  // namespace
}  // namespace rempart::testing
