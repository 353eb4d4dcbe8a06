// The record of processing activities from the back office, against the real server: the
// admins read it and download it as Markdown and CSV, each period on it the one the server
// applies; a moderator may not; the home page leads to it.
#include <gtest/gtest.h>

#include "client/http_client.hpp"
#include "support/admin_browser.hpp"
#include "support/contains.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

TEST(ProcessingRegister, TheAdminsReadAndDownloadItWithThePeriodsInForce) {
    ServerProcess server(
        "[retention]\nunconfirmed_days = 12\nafter_close_days = 40\naddresses_days = 9\n"
        "events_days = 21\nevidence_days = 100\nmail_days = 5\nsessions_days = 3\n"
        "audit_days = 800\n[backup]\nevery_h = 12\nkeep = 8\n");
    std::vector<std::string> passwords;
    for (const auto& [email, role] : {std::pair{"ada@example.org", "admin"},
                                      std::pair{"mod@example.org", "moderator"}}) {
        std::string output;
        ASSERT_EQ(server.run_cli({"user", "add", "--email", email, "--role", role}, &output), 0);
        passwords.push_back(line_after(output, "One-time password:"));
    }
    server.start();
    AdminBrowser admin(server.port());
    ASSERT_EQ(admin.first_log_in("ada@example.org", passwords[0], chosen_password).status, 303u);
    EXPECT_TRUE(contains(admin.get("/admin").body, "href=\"/admin/register\""));

    const auto page = admin.get("/admin/register");
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.header("cache-control"), "no-store");
    // The association has not named itself yet: the page says where to.
    EXPECT_TRUE(contains(page.body, "is not set yet")) << page.body;
    for (const char* part :
         {"erased after 12 days", "closes, then 40 days", "IP addresses: 9 days",
          "record: 21 days", "decided, then 100 days", "recipient&apos;s address 5 days",
          "Sessions: 3 days", "Audit log: 800 days", "backups: 96 hours at most"})
        EXPECT_TRUE(contains(page.body, part)) << part;

    const auto markdown = admin.get("/admin/register.md");
    ASSERT_EQ(markdown.status, 200u);
    EXPECT_EQ(markdown.header("content-type"), "text/markdown; charset=utf-8");
    EXPECT_EQ(markdown.header("content-disposition"),
              "attachment; filename=\"processing-register.md\"");
    EXPECT_TRUE(contains(markdown.body, "- **How long**: Never confirmed: erased after 12 days."));
    EXPECT_TRUE(contains(markdown.body, "96 hours at most"));

    const auto csv = admin.get("/admin/register.csv");
    ASSERT_EQ(csv.status, 200u);
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF\"Processing\",\"Purpose\""));
    EXPECT_TRUE(contains(csv.body, "Audit log: 800 days."));

    AdminBrowser moderator(server.port());
    ASSERT_EQ(moderator.first_log_in("mod@example.org", passwords[1], chosen_password).status,
              303u);
    EXPECT_EQ(moderator.get("/admin/register").status, 403u);
    EXPECT_EQ(moderator.get("/admin/register.csv").status, 403u);
    EXPECT_FALSE(contains(moderator.get("/admin").body, "/admin/register"));
    // Without a session: to the login.
    EXPECT_EQ(http_get(server.port(), "/admin/register.md").status, 303u);
}

}  // namespace
}  // namespace rempart::testing
