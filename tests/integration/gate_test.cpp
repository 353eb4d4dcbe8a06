// The under-attack gate against the real server: its page, a solved challenge or a short
// wait giving a cookie, and the cookie refused when forged, expired or from elsewhere.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <thread>

#include "client/http_client.hpp"
#include "client/signing_client.hpp"
#include "core/clock.hpp"
#include "shield/clearance.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

constexpr const char* home_ip = "10.1.2.3";
// The gate's wait. Two seconds, not one: the test that asks too early must get its answer
// within the wait, even on a slow machine.
constexpr auto gate_wait = 2s;
constexpr auto past_the_wait = gate_wait + 100ms;

// The value of the cookie a Set-Cookie header gives.
std::string cookie_in(const std::string& set_cookie, const std::string& name) {
    if (!set_cookie.starts_with(name + "=")) return "";
    const auto value = set_cookie.substr(name.size() + 1);
    return value.substr(0, value.find(';'));
}

std::string html_unescape(std::string text) {
    for (std::size_t at; (at = text.find("&amp;")) != std::string::npos;) text.replace(at, 5, "&");
    return text;
}

// The no-JavaScript refresh to the wait page; its address is the first group.
std::regex refresh_pattern() {
    return std::regex("content=\"" + std::to_string(gate_wait.count()) + ";url=([^\"]+)\"");
}

class Gate : public ::testing::Test {
  protected:
    void SetUp() override {
        server_.create_petition("velo", "Vélo");
        server_.start();
    }
    HttpResponse get(const std::string& target, const std::string& ip,
                     const std::string& cookie = "", Headers headers = {}) {
        headers.emplace_back("X-Forwarded-For", ip);
        if (!cookie.empty()) headers.emplace_back("Cookie", "rempart_clearance=" + cookie);
        return http_get(server_.port(), target, headers);
    }
    HttpResponse pass(const std::string& payload, const std::string& ip, const std::string& next) {
        return post_form(server_.port(), "/gate/pass", {{"altcha", payload}, {"next", next}},
                         {{"X-Forwarded-For", ip}});
    }
    // Solves the gate's challenge from `ip` and returns the cookie it gives.
    std::string clearance(const std::string& ip) {
        const auto payload =
            solve_challenge_at(server_.port(), "/gate/challenge", {{"X-Forwarded-For", ip}});
        const auto passed = pass(payload, ip, "/");
        EXPECT_EQ(passed.status, 303u) << passed.body;
        return cookie_in(passed.header("set-cookie"), "rempart_clearance");
    }
    std::string secret() {
        std::ifstream file(server_.dir() / "data" / "secret.key");
        std::string text;
        std::getline(file, text);
        return text;
    }

    ServerProcess server_{
        "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
        "[gate]\nmode = \"on\"\npow_max_number = 2000\nwait_s = " +
        std::to_string(gate_wait.count()) + "\n"};
};

TEST_F(Gate, AVisitorWithoutClearanceGetsTheChallengePage) {
    const auto page = get("/petitions/velo?ref=mail", home_ip, "", {{"Accept-Language", "en"}});
    EXPECT_EQ(page.status, 503u);
    EXPECT_EQ(page.header("x-rempart-gate"), "challenge");
    EXPECT_EQ(page.header("retry-after"), std::to_string(gate_wait.count()));
    EXPECT_EQ(page.header("cache-control"), "no-store");
    EXPECT_NE(page.body.find("One moment, please"), std::string::npos);
    EXPECT_NE(page.body.find("action=\"/gate/pass\""), std::string::npos);
    // Where the visitor was going comes back once through, query included.
    EXPECT_NE(page.body.find("name=\"next\" value=\"/petitions/velo?ref=mail\""),
              std::string::npos);
    EXPECT_NE(page.body.find("<noscript>"), std::string::npos);
    EXPECT_NE(page.body.find("http-equiv=\"refresh\" content=\"" +
                             std::to_string(gate_wait.count()) + ";url=/gate/wait?ticket="),
              std::string::npos);
    EXPECT_EQ(page.body.find("<script>"), std::string::npos);
    EXPECT_EQ(get("/petitions/velo", home_ip).body.find("One moment"), std::string::npos)
        << "French by default";
}

TEST_F(Gate, ASolvedChallengeGivesACookieThatOpensThePages) {
    const auto payload =
        solve_challenge_at(server_.port(), "/gate/challenge", {{"X-Forwarded-For", home_ip}});
    ASSERT_FALSE(payload.empty());
    const auto passed = pass(payload, home_ip, "/petitions/velo");
    ASSERT_EQ(passed.status, 303u) << passed.body;
    EXPECT_EQ(passed.header("location"), "/petitions/velo");
    const auto set_cookie = passed.header("set-cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos);
    EXPECT_NE(set_cookie.find("Max-Age=14400"), std::string::npos);
    const auto cookie = cookie_in(set_cookie, "rempart_clearance");
    ASSERT_FALSE(cookie.empty());
    EXPECT_EQ(get("/petitions/velo", home_ip, cookie).status, 200u);
    EXPECT_EQ(get("/", home_ip, cookie).status, 200u);
    EXPECT_EQ(get("/privacy", home_ip, cookie).status, 200u);
    EXPECT_EQ(metric_value(server_.port(), "rempart_gate_clearances_issued_total"), 1);
}

TEST_F(Gate, TheCookieOpensTheGateOnItsOwnNetworkOnly) {
    const auto cookie = clearance(home_ip);
    EXPECT_EQ(get("/", "10.1.2.250", cookie).status, 200u);  // the same /24
    const auto elsewhere = get("/", "10.1.3.3", cookie);
    EXPECT_EQ(elsewhere.status, 503u);
    EXPECT_EQ(elsewhere.header("x-rempart-gate"), "challenge");
    EXPECT_EQ(get("/", "2001:db8::1", cookie).status, 503u);
}

TEST_F(Gate, AForgedCookieMeetsTheGate) {
    auto cookie = clearance(home_ip);
    auto altered = cookie;
    altered.back() = altered.back() == '0' ? '1' : '0';
    EXPECT_EQ(get("/", home_ip, altered).status, 503u);
    // A later expiry written in by hand.
    auto longer = cookie;
    longer.replace(3, 10, "9999999999");
    EXPECT_EQ(get("/", home_ip, longer).status, 503u);
    EXPECT_EQ(get("/", home_ip, "v1.1.x.y").status, 503u);
    EXPECT_EQ(get("/", home_ip, std::string(300, 'v')).status, 503u);
    EXPECT_EQ(get("/", home_ip, cookie).status, 200u);
}

TEST_F(Gate, AnExpiredCookieMeetsTheGate) {
    // Made with the server's own secret, as the server makes them: genuine, but old.
    const shield::Clearance mint(secret(), std::chrono::hours(4), std::chrono::seconds(1));
    const auto now = unix_now();
    const auto expired = mint.issue("net:10.1.2.0/24", now - 5 * 3600);
    const auto fresh = mint.issue("net:10.1.2.0/24", now);
    EXPECT_EQ(get("/", home_ip, expired).status, 503u);
    EXPECT_EQ(get("/", home_ip, fresh).status, 200u);
}

TEST_F(Gate, WithoutJavascriptAShortWaitLetsTheVisitorThrough) {
    const auto page = get("/petitions/velo", home_ip);
    std::smatch refresh;
    ASSERT_TRUE(std::regex_search(page.body, refresh, refresh_pattern()));
    const auto wait = html_unescape(refresh[1].str());
    ASSERT_TRUE(wait.starts_with("/gate/wait?ticket=")) << wait;
    EXPECT_NE(wait.find("next=/petitions/velo"), std::string::npos);
    // Too early: the gate again, keeping the same ticket so the wait does not start over.
    const auto early = get(wait, home_ip);
    EXPECT_EQ(early.status, 503u);
    const auto ticket = wait.substr(18, wait.find('&') - 18);
    EXPECT_NE(early.body.find(ticket), std::string::npos);
    EXPECT_NE(early.body.find("Encore un petit moment"), std::string::npos);
    std::this_thread::sleep_for(past_the_wait);
    // Another network cannot use it.
    EXPECT_EQ(get(wait, "10.9.9.9").status, 503u);
    const auto through = get(wait, home_ip);
    ASSERT_EQ(through.status, 303u) << through.body;
    EXPECT_EQ(through.header("location"), "/petitions/velo");
    const auto cookie = cookie_in(through.header("set-cookie"), "rempart_clearance");
    EXPECT_EQ(get("/petitions/velo", home_ip, cookie).status, 200u);
    EXPECT_EQ(get("/gate/wait?ticket=forged.1.2&next=/", home_ip).status, 503u);
}

TEST_F(Gate, AWaitTicketLetsOneBrowserThroughOnce) {
    const auto page = get("/", home_ip);
    std::smatch refresh;
    ASSERT_TRUE(std::regex_search(page.body, refresh, refresh_pattern()));
    const auto wait = html_unescape(refresh[1].str());
    const auto ticket = wait.substr(18, wait.find('&') - 18);
    std::this_thread::sleep_for(past_the_wait);
    const auto first = get(wait, home_ip);
    ASSERT_EQ(first.status, 303u) << first.body;
    EXPECT_FALSE(cookie_in(first.header("set-cookie"), "rempart_clearance").empty());

    // The attack: the same ticket again and again, each time for a new cookie.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const auto again = get(wait, home_ip);
        EXPECT_EQ(again.status, 503u) << attempt;
        EXPECT_EQ(again.header("set-cookie"), "") << attempt;
        // What a visitor sees: the gate's page as for a stale ticket, with a fresh one and
        // no word of waiting longer.
        EXPECT_EQ(again.header("x-rempart-gate"), "challenge");
        EXPECT_EQ(again.body.find(ticket), std::string::npos);
        EXPECT_NE(again.body.find("/gate/wait?ticket="), std::string::npos);
        EXPECT_EQ(again.body.find("Encore un petit moment"), std::string::npos);
    }
    EXPECT_EQ(metric_value(server_.port(), "rempart_gate_clearances_issued_total"), 1);

    // The fresh ticket on that page serves in its turn.
    const auto stale = get(wait, home_ip);
    ASSERT_TRUE(std::regex_search(stale.body, refresh, refresh_pattern()));
    std::this_thread::sleep_for(past_the_wait);
    EXPECT_EQ(get(html_unescape(refresh[1].str()), home_ip).status, 303u);
}

TEST_F(Gate, EachSolutionServesOnceAndASigningChallengeDoesNotOpenTheGate) {
    const auto payload =
        solve_challenge_at(server_.port(), "/gate/challenge", {{"X-Forwarded-For", home_ip}});
    EXPECT_EQ(pass(payload, home_ip, "/").status, 303u);
    const auto again = pass(payload, home_ip, "/");
    EXPECT_EQ(again.status, 403u);
    EXPECT_NE(again.body.find("action=\"/gate/pass\""), std::string::npos);  // try again there
    EXPECT_NE(again.body.find("La vérification n&apos;a pas abouti"), std::string::npos);
    EXPECT_EQ(pass(solve_altcha(server_.port()), home_ip, "/").status, 403u);
    EXPECT_EQ(pass("", home_ip, "/").status, 403u);
    EXPECT_EQ(pass("bm90IGEgcGF5bG9hZA==", home_ip, "/").status, 403u);
}

TEST_F(Gate, OnceThroughAVisitorIsSentOnlyToAPageOfThisSite) {
    for (const auto* next : {"//evil.example/", "https://evil.example/", "/\\evil.example",
                             "/gate/pass", "javascript:alert(1)"}) {
        const auto payload =
            solve_challenge_at(server_.port(), "/gate/challenge", {{"X-Forwarded-For", home_ip}});
        const auto passed = pass(payload, home_ip, next);
        ASSERT_EQ(passed.status, 303u) << next;
        EXPECT_EQ(passed.header("location"), "/") << next;
    }
}

TEST_F(Gate, HealthStaticFilesTheApiSigningAndConfirmationLinksAreNeverGated) {
    EXPECT_EQ(get("/healthz", home_ip).status, 200u);
    // /metrics is for loopback: from outside it is refused by its own rule, not gated.
    const auto metrics = get("/metrics", home_ip);
    EXPECT_EQ(metrics.status, 403u);
    EXPECT_TRUE(metrics.header("x-rempart-gate").empty());
    EXPECT_EQ(http_get(server_.port(), "/metrics").status, 200u);
    EXPECT_EQ(get("/robots.txt", home_ip).status, 200u);
    EXPECT_EQ(get("/altcha/challenge", home_ip).status, 200u);
    EXPECT_EQ(get("/api/petitions", home_ip).status, 200u);
    EXPECT_EQ(get("/api/petitions/velo", home_ip).status, 200u);
    const auto gate_page = get("/", home_ip).body;
    std::smatch css;
    ASSERT_TRUE(std::regex_search(gate_page, css, std::regex("href=\"(/static/pico[^\"]+)\"")));
    EXPECT_EQ(get(css[1].str(), home_ip).status, 200u);
    // A confirmation link never meets the gate: the signer came from a mail.
    const auto link = get("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", home_ip);
    EXPECT_EQ(link.status, 404u);
    EXPECT_TRUE(link.header("x-rempart-gate").empty());
    // Signing is never behind an interstitial: the form's data would be lost.
    const auto signed_up =
        post_form(server_.port(), "/petitions/velo/sign",
                  signing_fields(server_.port(), "Marie Curie", "marie@example.org"),
                  {{"X-Forwarded-For", home_ip}});
    EXPECT_EQ(signed_up.status, 303u) << signed_up.body;
    EXPECT_EQ(get("/admin/login", home_ip).status, 200u);
}

}  // namespace
}  // namespace rempart::testing
