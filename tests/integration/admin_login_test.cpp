// The back office's front door against the real server: one-time password, forced change,
// refusals that tell nothing, rate limits, CSRF, cookies, logout, timeouts, TOTP, roles.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "accounts/totp.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

class AdminLogin : public ::testing::Test {
  protected:
    void start(std::string config = "") {
        server_ = std::make_unique<ServerProcess>(std::move(config));
        server_->start();
    }
    // `rempart user add`; the one-time password it printed.
    std::string add_user(const std::string& email, const std::string& role) {
        std::string output;
        EXPECT_EQ(server_->run_cli({"user", "add", "--email", email, "--role", role}, &output), 0)
            << output;
        return line_after(output, "One-time password:");
    }
    // An account past its first login, with `chosen_password`.
    void ready_account(AdminBrowser& browser, const std::string& email, const std::string& role) {
        const auto once = add_user(email, role);
        ASSERT_EQ(browser.log_in(email, once).header("location"), "/admin/password");
        const auto csrf = browser.csrf_of("/admin/password");
        const auto changed = browser.post("/admin/password", {{"csrf", csrf},
                                                              {"current", once},
                                                              {"new", chosen_password},
                                                              {"confirm", chosen_password}});
        ASSERT_EQ(changed.status, 303u) << changed.body;
    }
    std::vector<std::string> audit_actions() {
        std::vector<std::string> actions;
        for (const auto& row :
             store_rows(*server_, "SELECT action || ' ' || actor FROM audit_log ORDER BY id"))
            actions.push_back(row.at(0));
        return actions;
    }
    bool audit_has(const std::string& entry) {
        // The failed and refused attempts are written without waiting: give them a moment.
        for (int i = 0; i < 30; ++i) {
            for (const auto& action : audit_actions())
                if (action == entry) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return false;
    }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(AdminLogin, OneTimePasswordLeadsThroughAPasswordChangeToTheHomePage) {
    start();
    const auto once = add_user("ana@example.org", "admin");
    ASSERT_GE(once.size(), 20u);
    AdminBrowser browser(server_->port());

    const auto anonymous = browser.get("/admin/users");
    EXPECT_EQ(anonymous.status, 303u);
    EXPECT_EQ(anonymous.header("location"), "/admin/login?next=/admin/users");

    const auto login = browser.log_in("Ana@Example.org", once);
    ASSERT_EQ(login.status, 303u) << login.body;
    EXPECT_EQ(login.header("location"), "/admin/password");
    // Until the password is changed, every page leads back to the form.
    EXPECT_EQ(browser.get("/admin").header("location"), "/admin/password");
    const auto form = browser.get("/admin/password");
    EXPECT_EQ(form.status, 200u);
    EXPECT_NE(form.body.find("one-time password"), std::string::npos);
    const auto first_cookie = browser.cookies.at("rempart_admin");

    const auto csrf = input_value(form.body, "csrf");
    const auto changed = browser.post("/admin/password", {{"csrf", csrf},
                                                          {"current", once},
                                                          {"new", chosen_password},
                                                          {"confirm", chosen_password}});
    ASSERT_EQ(changed.status, 303u) << changed.body;
    EXPECT_NE(browser.cookies.at("rempart_admin"), first_cookie);  // a new session

    const auto home = browser.get("/admin");
    ASSERT_EQ(home.status, 200u);
    EXPECT_NE(home.body.find("ana@example.org"), std::string::npos);
    EXPECT_NE(home.body.find("Administrator"), std::string::npos);
    EXPECT_NE(home.body.find("<meta name=\"robots\" content=\"noindex"), std::string::npos);
    EXPECT_EQ(home.header("cache-control"), "no-store");
    EXPECT_NE(home.header("content-security-policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(home.body.find("<script"), std::string::npos);
    EXPECT_EQ(home.body.find("style="), std::string::npos);

    // The one-time password is spent, and the session it opened is over.
    AdminBrowser old(server_->port());
    old.cookies["rempart_admin"] = first_cookie;
    EXPECT_EQ(old.get("/admin").status, 303u);
    EXPECT_EQ(AdminBrowser(server_->port()).log_in("ana@example.org", once).status, 422u);
    EXPECT_TRUE(audit_has("user_added cli"));
    EXPECT_TRUE(audit_has("login_ok account:1"));
    EXPECT_TRUE(audit_has("password_changed account:1"));
}

TEST_F(AdminLogin, WrongPasswordAndUnknownAddressGetTheSameAnswerInAboutTheSameTime) {
    start("[admin]\npassword_memory_mib = 64\npassword_passes = 2\n");  // the site's own cost
    add_user("ana@example.org", "admin");
    const auto timed = [&](const std::string& email) {
        AdminBrowser browser(server_->port());
        const auto csrf = browser.csrf_of("/admin/login");
        const auto started = std::chrono::steady_clock::now();
        auto response = browser.post(
            "/admin/login", {{"csrf", csrf}, {"email", email}, {"password", "not the password"}});
        const auto took = std::chrono::steady_clock::now() - started;
        return std::make_pair(response, took);
    };
    const auto [wrong, wrong_took] = timed("ana@example.org");
    const auto [unknown, unknown_took] = timed("nobody@example.org");
    EXPECT_EQ(wrong.status, 422u);
    EXPECT_EQ(unknown.status, 422u);
    const std::string message = "Wrong e-mail address, password or code.";
    EXPECT_NE(wrong.body.find(message), std::string::npos);
    EXPECT_NE(unknown.body.find(message), std::string::npos);
    // Both paid for one argon2id (tens of milliseconds at 64 MiB), so neither is the quick one.
    EXPECT_GT(wrong_took, std::chrono::milliseconds(40));
    EXPECT_GT(unknown_took, std::chrono::milliseconds(40));
    EXPECT_TRUE(audit_has("login_failed web:nobody@example.org"));
    EXPECT_TRUE(audit_has("login_failed web:ana@example.org"));
}

// A site that changes the cost of its hashes: an account made before keeps its old hash until
// its next login, which hashes the password again at the new cost, and nothing else changes.
TEST_F(AdminLogin, AHashOfAnotherCostIsMadeAgainAtTheNextLogin) {
    start("[admin]\npassword_memory_mib = 9\n");
    // The account comes from the command line with the former cost, 8 MiB.
    const auto former = server_->dir() / "former.toml";
    {
        std::ifstream in(server_->config_file());
        std::stringstream text;
        text << in.rdbuf();
        auto config = text.str();
        const auto at = config.find("password_memory_mib = 9");
        ASSERT_NE(at, std::string::npos) << config;
        config.replace(at, 23, "password_memory_mib = 8");
        std::ofstream(former) << config;
    }
    std::string output;
    ASSERT_EQ(server_->run_cli({"user", "add", "--email", "ana@example.org", "--role", "admin",
                                "--config", former.string()},
                               &output, false),
              0)
        << output;
    const auto once = line_after(output, "One-time password:");
    const auto hash = [&] {
        return store_value(*server_, "SELECT password_hash FROM users WHERE id = 1");
    };
    EXPECT_NE(hash().find("$m=8192,t=1,"), std::string::npos) << hash();

    // The one-time password still opens the way to the password page, now hashed at 9 MiB.
    AdminBrowser browser(server_->port());
    EXPECT_EQ(browser.log_in("ana@example.org", once).header("location"), "/admin/password");
    EXPECT_NE(hash().find("$m=9216,t=1,"), std::string::npos) << hash();
    EXPECT_EQ(store_value(*server_, "SELECT must_change_password FROM users WHERE id = 1"), "1");
    AdminBrowser again(server_->port());
    EXPECT_EQ(again.log_in("ana@example.org", once).header("location"), "/admin/password");
    EXPECT_EQ(AdminBrowser(server_->port()).log_in("ana@example.org", "not it").status, 422u);
}

TEST_F(AdminLogin, TooManyAttemptsGet429WithRetryAfter) {
    start("[admin]\nlogin_per_ip = { per_minute = 1, burst = 3 }\n");
    AdminBrowser browser(server_->port());
    const auto csrf = browser.csrf_of("/admin/login");
    const Fields attempt = {{"csrf", csrf}, {"email", "x@example.org"}, {"password", "guess"}};
    for (int i = 0; i < 3; ++i) EXPECT_EQ(browser.post("/admin/login", attempt).status, 422u);
    const auto refused = browser.post("/admin/login", attempt);
    EXPECT_EQ(refused.status, 429u);
    EXPECT_FALSE(refused.header("retry-after").empty());
    EXPECT_NE(refused.body.find("Too many login attempts"), std::string::npos);
    EXPECT_TRUE(audit_has("login_locked web:x@example.org"));
}

TEST_F(AdminLogin, OneAccountIsLimitedWhateverTheAddress) {
    start("[admin]\nlogin_per_account = { per_minute = 1, burst = 2 }\n");
    AdminBrowser browser(server_->port());
    const auto csrf = browser.csrf_of("/admin/login");
    const Fields attempt = {{"csrf", csrf}, {"email", "ana@example.org"}, {"password", "guess"}};
    EXPECT_EQ(browser.post("/admin/login", attempt).status, 422u);
    EXPECT_EQ(browser.post("/admin/login", attempt).status, 422u);
    EXPECT_EQ(browser.post("/admin/login", attempt).status, 429u);
}

TEST_F(AdminLogin, PostsWithoutTheRightTokenOrFromAnotherSiteAre403) {
    start();
    AdminBrowser browser(server_->port());
    ready_account(browser, "ana@example.org", "admin");
    const auto csrf = browser.csrf_of("/admin");
    ASSERT_FALSE(csrf.empty());
    EXPECT_EQ(browser.post("/admin/logout", {}).status, 403u);
    const auto wrong = browser.post("/admin/logout", {{"csrf", csrf + "x"}});
    EXPECT_EQ(wrong.status, 403u);
    EXPECT_NE(wrong.body.find("did not come from this site"), std::string::npos);
    EXPECT_EQ(browser.post("/admin/logout", {{"csrf", csrf}}, {{"Origin", "https://evil.example"}})
                  .status,
              403u);
    EXPECT_EQ(browser.get("/admin").status, 200u);  // still logged in

    // The login form's own token: without the cookie that goes with it, refused.
    AdminBrowser stranger(server_->port());
    const auto forged = stranger.post(
        "/admin/login",
        {{"csrf", csrf}, {"email", "ana@example.org"}, {"password", chosen_password}});
    EXPECT_EQ(forged.status, 403u);
    EXPECT_TRUE(stranger.cookies.find("rempart_admin") == stranger.cookies.end());
    // A POST with no session at all.
    EXPECT_EQ(stranger.post("/admin/password", {{"csrf", csrf}}).status, 403u);
}

TEST_F(AdminLogin, SessionCookieIsHttpOnlyStrictAndNotSecureOverPlainHttp) {
    start();
    AdminBrowser browser(server_->port());
    ready_account(browser, "ana@example.org", "admin");
    const auto login = AdminBrowser(server_->port()).log_in("ana@example.org", chosen_password);
    ASSERT_EQ(login.status, 303u);
    EXPECT_EQ(login.header("location"), "/admin");
    const auto cookie = login.header("set-cookie");
    EXPECT_EQ(cookie.rfind("rempart_admin=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    EXPECT_NE(cookie.find("Path=/"), std::string::npos);
    EXPECT_EQ(cookie.find("Secure"), std::string::npos);
    EXPECT_EQ(cookie.find("__Host-"), std::string::npos);
}

TEST_F(AdminLogin, LogoutEndsTheSession) {
    start();
    AdminBrowser browser(server_->port());
    ready_account(browser, "ana@example.org", "admin");
    const auto kept = browser.cookies.at("rempart_admin");
    const auto csrf = browser.csrf_of("/admin");
    const auto out = browser.post("/admin/logout", {{"csrf", csrf}});
    EXPECT_EQ(out.status, 303u);
    EXPECT_EQ(out.header("location"), "/admin/login");
    EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
    AdminBrowser replay(server_->port());
    replay.cookies["rempart_admin"] = kept;
    const auto after = replay.get("/admin");
    EXPECT_EQ(after.status, 303u);
    EXPECT_EQ(after.header("location"), "/admin/login?next=/admin");
    EXPECT_TRUE(audit_has("logout account:1"));
}

TEST_F(AdminLogin, IdleAndOldSessionsEnd) {
    start("[admin]\nsession_idle_s = 1\nsession_lifetime_s = 3\n");
    AdminBrowser browser(server_->port());
    ready_account(browser, "ana@example.org", "admin");
    EXPECT_EQ(browser.get("/admin").status, 200u);
    std::this_thread::sleep_for(std::chrono::milliseconds(1300));
    EXPECT_EQ(browser.get("/admin").status, 303u);  // idle too long

    ASSERT_EQ(browser.log_in("ana@example.org", chosen_password).status, 303u);
    // Active every half second, yet over after three seconds.
    unsigned last = 0;
    for (int i = 0; i < 8; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        last = browser.get("/admin").status;
        if (i < 4) {
            EXPECT_EQ(last, 200u) << i;
        }
    }
    EXPECT_EQ(last, 303u);
}

TEST_F(AdminLogin, TotpIsRequiredOnceEnabledAndACodeServesOnce) {
    start();
    AdminBrowser browser(server_->port());
    ready_account(browser, "ana@example.org", "admin");
    std::string output;
    ASSERT_EQ(server_->run_cli({"user", "totp", "--email", "ana@example.org"}, &output), 0);
    const auto secret = line_after(output, "Secret:");
    ASSERT_EQ(secret.size(), 32u) << output;
    EXPECT_NE(output.find("otpauth://totp/"), std::string::npos);

    AdminBrowser phone(server_->port());
    EXPECT_EQ(phone.log_in("ana@example.org", chosen_password).status, 422u);
    EXPECT_EQ(phone.log_in("ana@example.org", chosen_password, "000000").status, 422u);
    const auto code = accounts::totp_code(secret, std::time(nullptr));
    const auto ok = phone.log_in("ana@example.org", chosen_password, code);
    EXPECT_EQ(ok.status, 303u) << ok.body;
    EXPECT_EQ(phone.get("/admin").status, 200u);
    // The same code a second time (a shoulder-surfer, a replay) is refused.
    EXPECT_EQ(AdminBrowser(server_->port()).log_in("ana@example.org", chosen_password, code).status,
              422u);
}

TEST_F(AdminLogin, ModeratorsMayNotSeeAdminOnlyPages) {
    start();
    AdminBrowser moderator(server_->port());
    ready_account(moderator, "mo@example.org", "moderator");
    EXPECT_EQ(moderator.get("/admin").status, 200u);
    const auto refused = moderator.get("/admin/users");
    EXPECT_EQ(refused.status, 403u);
    EXPECT_NE(refused.body.find("Your role does not give access"), std::string::npos);
    EXPECT_EQ(refused.header("cache-control"), "no-store");

    AdminBrowser admin(server_->port());
    ready_account(admin, "ana@example.org", "admin");
    const auto users = admin.get("/admin/users");
    EXPECT_EQ(users.status, 200u);
    EXPECT_NE(users.body.find("mo@example.org"), std::string::npos);
    EXPECT_NE(users.body.find("Moderator"), std::string::npos);
}

TEST_F(AdminLogin, ALoginTypedAsCliIsShownAsAnAttemptNeverAsTheCommandLine) {
    start();
    AdminBrowser admin(server_->port());
    ready_account(admin, "ana@example.org", "admin");
    EXPECT_EQ(AdminBrowser(server_->port()).log_in("cli", "whatever").status, 422u);
    EXPECT_TRUE(audit_has("login_failed web:cli"));
    const auto audit = admin.get("/admin/audit");
    ASSERT_EQ(audit.status, 200u);
    EXPECT_NE(audit.body.find("<td>a login attempt as cli</td>"), std::string::npos);
    EXPECT_NE(audit.body.find("<td>the command line</td><td><code>user_added</code>"),
              std::string::npos);
    EXPECT_NE(audit.body.find("<td>ana@example.org</td><td><code>login_ok</code>"),
              std::string::npos);
}

TEST_F(AdminLogin, ALoginTypedToForgeALogLineStaysInsideItsQuotedValue) {
    start();
    add_user("ana@example.org", "admin");
    // Quotes, a newline and a made-up event, as an attacker would type them.
    const std::string typed =
        "x\" ip=203.0.113.9 actor=cli\n2026-12-05T00:00:00 info ADMIN_LOGIN user=1 ip=1.2.3.4";
    EXPECT_EQ(AdminBrowser(server_->port()).log_in(typed, "whatever").status, 422u);
    server_->stop();
    std::ifstream log(server_->dir() / "rempart.log");
    std::string line;
    int refusals = 0, forged = 0;
    while (std::getline(log, line)) {
        if (line.find("ADMIN_LOGIN_REFUSED") != std::string::npos) {
            ++refusals;
            // The typed text is one value: its quote escaped, its newline dropped.
            EXPECT_NE(line.find("email=\"x\\\" ip=203.0.113.9 actor=cli2026-12-05T00:00:00 info "
                                "ADMIN_LOGIN user=1 ip=1.2.3.4\" "),
                      std::string::npos)
                << line;
        }
        forged +=
            line.find("info ADMIN_LOGIN user=1") == 0 || line.rfind("2026-12-05T00:00:00", 0) == 0;
    }
    EXPECT_EQ(refusals, 1);
    EXPECT_EQ(forged, 0);
}

}  // namespace
}  // namespace rempart::testing
