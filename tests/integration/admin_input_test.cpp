// Bad input to the back office and to `rempart user`: clear errors, the right status, no change.
#include <gtest/gtest.h>

#include "support/admin_browser.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

class AdminInput : public ::testing::Test {
  protected:
    void SetUp() override { server_.start(); }
    int cli(std::vector<std::string> args, std::string* output) {
        return server_.run_cli(args, output);
    }
    ServerProcess server_;
};

TEST_F(AdminInput, EmptyLoginFieldsAreNamedBesideThemselves) {
    AdminBrowser browser(server_.port());
    const auto csrf = browser.csrf_of("/admin/login");
    const auto empty =
        browser.post("/admin/login", {{"csrf", csrf}, {"email", ""}, {"password", ""}});
    EXPECT_EQ(empty.status, 422u);
    EXPECT_NE(empty.body.find("Enter your e-mail address."), std::string::npos);
    EXPECT_NE(empty.body.find("Enter your password."), std::string::npos);
    EXPECT_NE(empty.body.find("aria-invalid=\"true\" aria-describedby=\"email-error\""),
              std::string::npos);
    EXPECT_NE(empty.body.find("<label for=\"password\">"), std::string::npos);
}

TEST_F(AdminInput, UnreadableOrHugeFormsAreRefusedClearly) {
    AdminBrowser browser(server_.port());
    const auto csrf = browser.csrf_of("/admin/login");
    const auto unreadable = browser.post_raw(
        "/admin/login", "csrf=" + csrf + "&email=ana%40example.org&password=%FF%FEabcdefghijkl");
    EXPECT_EQ(unreadable.status, 400u);
    EXPECT_NE(unreadable.body.find("unreadable characters"), std::string::npos);
    const auto huge = browser.post(
        "/admin/login",
        {{"csrf", csrf}, {"email", "ana@example.org"}, {"password", std::string(2 << 20, 'a')}});
    EXPECT_EQ(huge.status, 413u);
    // Under the body limit but past the password's: refused like any wrong password.
    const auto long_one = browser.post(
        "/admin/login",
        {{"csrf", csrf}, {"email", "ana@example.org"}, {"password", std::string(5000, 'a')}});
    EXPECT_EQ(long_one.status, 422u);
}

TEST_F(AdminInput, NewPasswordsAreCheckedBeforeAnythingChanges) {
    std::string output;
    ASSERT_EQ(cli({"user", "add", "--email", "ana@example.org", "--role", "admin"}, &output), 0);
    const auto once = line_after(output, "One-time password:");
    AdminBrowser browser(server_.port());
    ASSERT_EQ(browser.log_in("ana@example.org", once).status, 303u);
    const auto csrf = browser.csrf_of("/admin/password");
    const auto attempt = [&](std::string current, std::string chosen, std::string confirm) {
        return browser.post(
            "/admin/password",
            {{"csrf", csrf}, {"current", current}, {"new", chosen}, {"confirm", confirm}});
    };
    const auto too_short = attempt(once, "short", "short");
    EXPECT_EQ(too_short.status, 422u);
    EXPECT_NE(too_short.body.find("at least 12 characters"), std::string::npos);
    const auto differ = attempt(once, "a long enough password", "a long enough passwor");
    EXPECT_EQ(differ.status, 422u);
    EXPECT_NE(differ.body.find("The two new passwords differ."), std::string::npos);
    const auto wrong =
        attempt("not the current one", "a long enough password", "a long enough password");
    EXPECT_EQ(wrong.status, 422u);
    EXPECT_NE(wrong.body.find("This is not your current password."), std::string::npos);
    const auto too_long = attempt(once, std::string(1100, 'b'), std::string(1100, 'b'));
    EXPECT_EQ(too_long.status, 422u);
    EXPECT_NE(too_long.body.find("1,024 bytes"), std::string::npos);
    // Still on the one-time password.
    EXPECT_EQ(browser.get("/admin").header("location"), "/admin/password");
}

TEST_F(AdminInput, UserCommandsRefuseBadInputWithClearMessages) {
    std::string output;
    EXPECT_NE(cli({"user", "add", "--email", "not-an-address", "--role", "admin"}, &output), 0);
    EXPECT_NE(output.find("not an e-mail address"), std::string::npos) << output;
    EXPECT_NE(cli({"user", "add", "--email", "ana@example.org", "--role", "root"}, &output), 0);
    EXPECT_NE(output.find("unknown role 'root'"), std::string::npos) << output;
    ASSERT_EQ(cli({"user", "add", "--email", "ana@example.org", "--role", "admin"}, &output), 0);
    EXPECT_NE(cli({"user", "add", "--email", "ANA@example.org", "--role", "moderator"}, &output),
              0);
    EXPECT_NE(output.find("already exists"), std::string::npos) << output;
    EXPECT_NE(cli({"user", "reset-password", "--email", "bob@example.org"}, &output), 0);
    EXPECT_NE(output.find("no account has the e-mail bob@example.org"), std::string::npos)
        << output;
    EXPECT_NE(cli({"user", "totp", "--email", "bob@example.org"}, &output), 0);
    ASSERT_EQ(cli({"user", "list"}, &output), 0);
    EXPECT_NE(output.find("ana@example.org\tadmin\tpassword-only\tmust-change-password"),
              std::string::npos)
        << output;
}

TEST_F(AdminInput, ResetPasswordEndsSessionsAndGivesANewOneTimePassword) {
    std::string output;
    ASSERT_EQ(cli({"user", "add", "--email", "ana@example.org", "--role", "moderator"}, &output),
              0);
    const auto first = line_after(output, "One-time password:");
    AdminBrowser browser(server_.port());
    ASSERT_EQ(browser.log_in("ana@example.org", first).status, 303u);
    EXPECT_EQ(browser.get("/admin/password").status, 200u);
    ASSERT_EQ(cli({"user", "reset-password", "--email", "ana@example.org"}, &output), 0);
    const auto second = line_after(output, "New one-time password for ana@example.org:");
    ASSERT_GE(second.size(), 20u) << output;
    EXPECT_NE(output.find("Sessions ended: 1"), std::string::npos) << output;
    EXPECT_EQ(browser.get("/admin/password").status, 303u);
    EXPECT_EQ(AdminBrowser(server_.port()).log_in("ana@example.org", first).status, 422u);
    EXPECT_EQ(AdminBrowser(server_.port()).log_in("ana@example.org", second).header("location"),
              "/admin/password");
}

}  // namespace
}  // namespace rempart::testing
