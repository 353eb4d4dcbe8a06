// Guessing back-office passwords against the real server: one limit per account whatever its
// spelling, per IPv6 /64, waits that grow with failures (wrong codes included), one mail to
// the admins, and each network's share of the password pool.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <thread>

#include "accounts/totp.hpp"
#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

const std::string behind_proxy = "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n";

class LoginThrottle : public ::testing::Test {
  protected:
    void start(std::string config) {
        server_ = std::make_unique<ServerProcess>(std::move(config));
        server_->start();
    }
    std::string add_user(const std::string& email) {
        std::string output;
        EXPECT_EQ(server_->run_cli({"user", "add", "--email", email, "--role", "admin"}, &output),
                  0)
            << output;
        return line_after(output, "One-time password:");
    }
    void ready_account(const std::string& email) {
        AdminBrowser browser(server_->port());
        const auto once = add_user(email);
        ASSERT_EQ(browser.log_in(email, once).header("location"), "/admin/password");
        const auto changed =
            browser.post("/admin/password", {{"csrf", browser.csrf_of("/admin/password")},
                                             {"current", once},
                                             {"new", chosen_password},
                                             {"confirm", chosen_password}});
        ASSERT_EQ(changed.status, 303u) << changed.body;
    }
    // One login from `ip` (through the trusted proxy when not empty).
    HttpResponse attempt(const std::string& email, const std::string& password,
                         const std::string& ip = "", const std::string& totp = "") {
        AdminBrowser browser(server_->port());
        if (!ip.empty()) browser.extra_headers.emplace_back("X-Forwarded-For", ip);
        return browser.log_in(email, password, totp);
    }
    // The failures are written after the answer: wait until `count` are in the store.
    bool failures_recorded(int count) {
        for (int i = 0; i < 100; ++i) {
            if (store_value(*server_,
                            "SELECT count(*) FROM audit_log WHERE action = "
                            "'login_failed'") == std::to_string(count))
                return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(LoginThrottle, SpellingsOfOneAccountShareOneLimitKnownOrNot) {
    start("[admin]\nlogin_per_account = { per_minute = 1, burst = 3 }\n");
    add_user("ana@example.org");
    for (const auto* account : {"ana", "nobody"}) {
        const std::string name = account;
        // Case, a full-width letter and a soft hyphen: all mapped to the one address.
        const std::string spellings[] = {name + "@example.org", name + "@EXAMPLE.org",
                                         name + "@\uFF45xample.org", name + "@exam\u00ADple.org"};
        for (int i = 0; i < 3; ++i)
            EXPECT_EQ(attempt(spellings[i], "guess " + std::to_string(i)).status, 422u)
                << spellings[i];
        const auto refused = attempt(spellings[3], "guess 3");
        EXPECT_EQ(refused.status, 429u) << name;
        EXPECT_FALSE(refused.header("retry-after").empty());
        EXPECT_NE(refused.body.find("Too many login attempts"), std::string::npos);
    }
    ASSERT_TRUE(failures_recorded(6));
    EXPECT_EQ(store_value(*server_,
                          "SELECT count(*) FROM audit_log WHERE action = "
                          "'login_failed' AND actor = 'web:ana@example.org'"),
              "3");
}

TEST_F(LoginThrottle, FiveAddressesOfOneIpv6Slash64ShareOneLimit) {
    start(behind_proxy + "[admin]\nlogin_per_ip = { per_minute = 1, burst = 4 }\n");
    for (int i = 1; i <= 4; ++i)
        EXPECT_EQ(attempt("u" + std::to_string(i) + "@example.org", "guess",
                          "2001:db8:7:7::" + std::to_string(i))
                      .status,
                  422u)
            << i;
    const auto fifth = attempt("u5@example.org", "guess", "2001:db8:7:7:ffff::5");
    EXPECT_EQ(fifth.status, 429u);
    EXPECT_FALSE(fifth.header("retry-after").empty());
    // The next /64 is someone else.
    EXPECT_EQ(attempt("u6@example.org", "guess", "2001:db8:7:8::1").status, 422u);
}

TEST_F(LoginThrottle, WrongCodesCountLikeWrongPasswordsAndTheRightPasswordResetsNothing) {
    start(
        "[admin]\nlogin_free_failures = 2\nlogin_backoff_first_s = 600\n"
        "login_backoff_max_s = 600\n");
    ready_account("ana@example.org");
    std::string output;
    ASSERT_EQ(server_->run_cli({"user", "totp", "--email", "ana@example.org"}, &output), 0);
    const auto secret = line_after(output, "Secret:");
    ASSERT_EQ(secret.size(), 32u) << output;
    // The right password each time, and a code that is no code: two free, one more admitted.
    for (const auto* code : {"000000", "", "999999"})
        EXPECT_EQ(attempt("ana@example.org", chosen_password, "", code).status, 422u) << code;
    // The right password and the right code now wait, like any other attempt.
    const auto held = attempt("ana@example.org", chosen_password, "",
                              accounts::totp_code(secret, std::time(nullptr)));
    EXPECT_EQ(held.status, 429u);
    const auto wait = std::stoi(held.header("retry-after"));
    EXPECT_GT(wait, 500);
    EXPECT_LE(wait, 600);
}

TEST_F(LoginThrottle, PastTheThresholdTheAdminsGetExactlyOneMail) {
    start(behind_proxy +
          "[site]\ndefault_language = \"en\"\n"
          "[mail]\nadmin_alerts_to = [\"admins@example.org\"]\n"
          "[admin]\nlogin_alert_after = 3\nlogin_per_account = { per_minute = 60, burst = 10 }\n");
    add_user("ana@example.org");
    const auto alerts = [&] {
        return store_value(*server_, "SELECT count(*) FROM outbox WHERE purpose = 'alert'");
    };
    const std::string ips[] = {"203.0.113.5", "198.51.100.5", "203.0.113.6", "192.0.2.1",
                               "192.0.2.2"};
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(attempt("ana@example.org", "secret-guess-" + std::to_string(i), ips[i]).status,
                  422u);
    ASSERT_TRUE(failures_recorded(2));
    EXPECT_EQ(alerts(), "0");  // one short of the threshold
    EXPECT_EQ(attempt("Ana@Example.org", "secret-guess-2", ips[2]).status, 422u);
    const auto mails = wait_for_mails(server_->dir() / "data" / "mail", 1);
    ASSERT_EQ(mails.size(), 1u);
    const auto body = decoded_body(mails[0]);
    EXPECT_NE(body.find("ana@example.org 3 times in a row, from 2 networks"), std::string::npos)
        << body;
    EXPECT_NE(body.find("rempart user reset-password --email ana@example.org"), std::string::npos);
    EXPECT_NE(mails[0].find("admins@example.org"), std::string::npos);
    EXPECT_EQ(mails[0].find("secret-guess"), std::string::npos);
    EXPECT_EQ(body.find("secret-guess"), std::string::npos);

    for (int i = 3; i < 5; ++i)
        EXPECT_EQ(attempt("ana@example.org", "secret-guess-" + std::to_string(i), ips[i]).status,
                  422u);
    ASSERT_TRUE(failures_recorded(5));
    EXPECT_EQ(alerts(), "1");
    EXPECT_EQ(store_value(*server_,
                          "SELECT count(*) FROM audit_log WHERE action = "
                          "'login_alert_mailed' AND detail = 'admins@example.org'"),
              "1");
    EXPECT_EQ(maildir_messages(server_->dir() / "data" / "mail").size(), 1u);
}

TEST_F(LoginThrottle, WhileOneNetworkHoldsItsShareOfThePoolAnotherIsServed) {
    // One hashing thread and a queue of three: without shares, a handful of logins from one
    // network would hold every place and the admin below would get 503.
    start(behind_proxy +
          "[admin]\npassword_threads = 1\npassword_queue = 3\npassword_queue_per_network = 2\n"
          // The site's own hash, whose time lets the flood fill the queue.
          "password_memory_mib = 64\npassword_passes = 2\n"
          "login_per_ip = { per_minute = 600, burst = 100 }\n");
    ready_account("ana@example.org");

    std::atomic<bool> done{false};
    std::atomic<int> refused_429{0}, refused_503{0}, other{0};
    std::vector<std::thread> flood;
    for (int t = 0; t < 6; ++t)
        flood.emplace_back([&, t] {
            AdminBrowser bot(server_->port());
            bot.extra_headers.emplace_back("X-Forwarded-For",
                                           "203.0.113." + std::to_string(t + 10));
            const auto csrf = bot.csrf_of("/admin/login");
            for (int i = 0; i < 200 && !done; ++i) {
                const auto response =
                    bot.post("/admin/login", {{"csrf", csrf},
                                              {"email", "bot" + std::to_string(t) + "-" +
                                                            std::to_string(i) + "@example.org"},
                                              {"password", "guess"}});
                if (response.status == 429 && !response.header("retry-after").empty())
                    ++refused_429;
                else if (response.status == 503)
                    ++refused_503;
                else if (response.status != 422)
                    ++other;
            }
        });
    // The flood is holding its share once the server has refused it a place.
    const bool holding = server_->log_contains("reason=pool_share", 20s);
    const auto admin = attempt("ana@example.org", chosen_password, "198.51.100.7");
    done = true;
    for (auto& thread : flood) thread.join();
    ASSERT_TRUE(holding);
    EXPECT_EQ(admin.status, 303u) << admin.body;
    EXPECT_EQ(admin.header("location"), "/admin");
    EXPECT_GT(refused_429.load(), 0);
    EXPECT_EQ(refused_503.load(), 0);
    EXPECT_EQ(other.load(), 0);
}

}  // namespace
}  // namespace rempart::testing
