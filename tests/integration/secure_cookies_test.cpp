// Cookies against the real server: with an https base_url (TLS at a proxy) every
// Set-Cookie the site sends is Secure; over plain HTTP none is.
#include <gtest/gtest.h>

#include "client/signing_client.hpp"
#include "support/admin_browser.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

const std::string visitor = "198.51.100.7";

// Each Set-Cookie of a response (the client joins repeated ones with ", ").
std::vector<std::string> cookies_set(const HttpResponse& response) {
    std::vector<std::string> cookies;
    const auto all = response.header("set-cookie");
    for (std::size_t start = 0; start < all.size();) {
        auto end = all.find(", ", start);
        if (end == std::string::npos) end = all.size();
        cookies.push_back(all.substr(start, end - start));
        start = end + 2;
    }
    return cookies;
}

// Goes where a visitor and an admin go, and gathers every cookie the site sets on the way:
// the gate's clearance, the language, the login form's token, the session (set at login,
// set again at the password change), and the session's end.
std::vector<std::string> every_cookie(ServerProcess& server) {
    std::vector<std::string> all;
    const auto gather = [&all](const HttpResponse& response) {
        for (auto& cookie : cookies_set(response)) all.push_back(std::move(cookie));
        return response;
    };
    const auto port = server.port();
    const auto payload =
        solve_challenge_at(port, "/gate/challenge", {{"X-Forwarded-For", visitor}});
    const auto passed = gather(post_form(port, "/gate/pass", {{"altcha", payload}, {"next", "/"}},
                                         {{"X-Forwarded-For", visitor}}));
    EXPECT_EQ(passed.status, 303u) << passed.body;
    const auto clearance =
        passed.header("set-cookie").substr(0, passed.header("set-cookie").find(';'));
    EXPECT_EQ(
        gather(http_get(port, "/lang/en", {{"X-Forwarded-For", visitor}, {"Cookie", clearance}}))
            .status,
        303u);

    std::string output;
    EXPECT_EQ(
        server.run_cli({"user", "add", "--email", "ana@example.org", "--role", "admin"}, &output),
        0)
        << output;
    const auto once = line_after(output, "One-time password:");
    AdminBrowser browser(port);
    gather(browser.get("/admin/login"));
    const auto csrf = input_value(browser.get("/admin/login").body, "csrf");
    const auto logged_in = gather(browser.post(
        "/admin/login", {{"csrf", csrf}, {"email", "ana@example.org"}, {"password", once}}));
    EXPECT_EQ(logged_in.header("location"), "/admin/password");
    const auto new_password = "a long and private passphrase";
    const auto changed =
        gather(browser.post("/admin/password", {{"csrf", browser.csrf_of("/admin/password")},
                                                {"current", once},
                                                {"new", new_password},
                                                {"confirm", new_password}}));
    EXPECT_EQ(changed.status, 303u) << changed.body;
    const auto out = gather(browser.post("/admin/logout", {{"csrf", browser.csrf_of("/admin")}}));
    EXPECT_EQ(out.status, 303u);
    return all;
}

const std::string gate_on =
    "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
    "[gate]\nmode = \"on\"\npow_max_number = 2000\nwait_s = 1\n";

TEST(SecureCookies, EveryCookieIsSecureWhenTheSiteIsServedOverHttps) {
    // TLS ends at the proxy: Rempart itself speaks plain HTTP, as here.
    ServerProcess server(gate_on + "[server]\nbase_url = \"https://petitions.example.org\"\n");
    server.start();
    const auto cookies = every_cookie(server);
    ASSERT_EQ(cookies.size(), 6u);
    for (const auto& cookie : cookies)
        EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
    EXPECT_EQ(cookies[0].rfind("rempart_clearance=", 0), 0u) << cookies[0];
    EXPECT_EQ(cookies[1].rfind("lang=en;", 0), 0u) << cookies[1];
    EXPECT_EQ(cookies[2].rfind("__Host-rempart_login=", 0), 0u) << cookies[2];
    EXPECT_EQ(cookies[3].rfind("__Host-rempart_admin=", 0), 0u) << cookies[3];
    EXPECT_EQ(cookies[5].rfind("__Host-rempart_admin=;", 0), 0u) << cookies[5];
}

TEST(SecureCookies, NoCookieIsSecureOverPlainHttp) {
    ServerProcess server(gate_on);
    server.start();
    const auto cookies = every_cookie(server);
    ASSERT_EQ(cookies.size(), 6u);
    for (const auto& cookie : cookies) {
        EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;
        EXPECT_EQ(cookie.find("__Host-"), std::string::npos) << cookie;
    }
}

}  // namespace
}  // namespace rempart::testing
