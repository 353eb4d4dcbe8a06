// The under-attack gate switching by itself and by an admin's hand, against the real
// server: a wave of unknown clients puts it up, calm takes it down, and the back office's
// choice wins and survives a restart.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "client/http_client.hpp"
#include "support/admin_browser.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"
#include "support/store_query.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

// A small site: thirty unknown clients a second for two seconds is a wave here.
const std::string quick_switch =
    "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
    "[gate]\nsurge_min_rate = 30\nsurge_s = 2\ncalm_s = 3\n"
    "[traffic]\npage_per_network = 100000\n";

// Requests from fresh addresses, as fast as four threads go, until `stop` or 20 s.
class Wave {
  public:
    explicit Wave(std::uint16_t port) {
        for (int t = 0; t < 4; ++t)
            threads_.emplace_back([this, port, t] {
                const auto end = std::chrono::steady_clock::now() + 20s;
                for (unsigned n = 0; !stop_ && std::chrono::steady_clock::now() < end; ++n) {
                    const auto ip = "10." + std::to_string(t + 1) + "." +
                                    std::to_string(n / 250 % 250) + "." +
                                    std::to_string(n % 250 + 1);
                    http_get(port, "/", {{"X-Forwarded-For", ip}});
                }
            });
    }
    ~Wave() { stop(); }
    void stop() {
        stop_ = true;
        for (auto& thread : threads_)
            if (thread.joinable()) thread.join();
    }

  private:
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

bool wait_for_gate(std::uint16_t port, bool on, std::chrono::seconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < end) {
        if (metric_value(port, "rempart_gate_on") == (on ? 1 : 0)) return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

TEST(GateSwitch, AWaveOfUnknownClientsPutsTheGateUpAndCalmTakesItDown) {
    ServerProcess server(quick_switch);
    server.start();
    const auto port = server.port();
    EXPECT_EQ(metric_value(port, "rempart_gate_on"), 0);
    {
        Wave wave(port);
        ASSERT_TRUE(wait_for_gate(port, true, 15s));
        const auto gated = http_get(port, "/", {{"X-Forwarded-For", "192.0.2.1"}});
        EXPECT_EQ(gated.status, 503u);
        EXPECT_EQ(gated.header("x-rempart-gate"), "challenge");
        EXPECT_TRUE(server.log_contains("GATE_SWITCHED on=true mode=auto reason=surge"));
    }
    // The wave has passed: after the calm seconds the gate goes by itself.
    ASSERT_TRUE(wait_for_gate(port, false, 15s));
    EXPECT_EQ(http_get(port, "/", {{"X-Forwarded-For", "192.0.2.1"}}).status, 200u);
    EXPECT_TRUE(server.log_contains("GATE_SWITCHED on=false mode=auto reason=calm"));
    EXPECT_TRUE(server.log_contains("SHIELD_REFUSED "));
    EXPECT_EQ(metric_value(port, "rempart_gate_switches_total"), 2);
}

class GateByHand : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string output;
        ASSERT_EQ(server_.run_cli(
                      {"user", "add", "--email", "admin@example.org", "--role", "admin"}, &output),
                  0)
            << output;
        admin_once_ = line_after(output, "One-time password:");
        ASSERT_EQ(
            server_.run_cli({"user", "add", "--email", "mod@example.org", "--role", "moderator"},
                            &output),
            0);
        moderator_once_ = line_after(output, "One-time password:");
        server_.start();
    }
    void log_in(AdminBrowser& browser, const std::string& email, const std::string& once) {
        ASSERT_EQ(browser.log_in(email, once).header("location"), "/admin/password");
        const auto changed =
            browser.post("/admin/password", {{"csrf", browser.csrf_of("/admin/password")},
                                             {"current", once},
                                             {"new", chosen_password},
                                             {"confirm", chosen_password}});
        ASSERT_EQ(changed.status, 303u) << changed.body;
    }
    HttpResponse set_mode(AdminBrowser& browser, const std::string& mode) {
        return browser.post("/admin/shield/mode",
                            {{"csrf", browser.csrf_of("/admin/shield")}, {"mode", mode}});
    }

    ServerProcess server_{quick_switch};
    std::string admin_once_, moderator_once_;
};

TEST_F(GateByHand, AnAdminPutsTheGateUpAndItStaysUpAfterARestart) {
    AdminBrowser admin(server_.port());
    log_in(admin, "admin@example.org", admin_once_);
    const auto page = admin.get("/admin/shield");
    ASSERT_EQ(page.status, 200u) << page.body;
    EXPECT_NE(page.body.find("<strong>Down</strong>"), std::string::npos);
    EXPECT_NE(page.body.find("value=\"auto\" checked"), std::string::npos);

    const auto set = set_mode(admin, "on");
    ASSERT_EQ(set.status, 303u) << set.body;
    EXPECT_EQ(set.header("location"), "/admin/shield?mode=changed");
    EXPECT_EQ(http_get(server_.port(), "/", {{"X-Forwarded-For", "192.0.2.1"}}).status, 503u);
    const auto after = admin.get("/admin/shield?mode=changed");
    EXPECT_NE(after.body.find("<strong>Up</strong>"), std::string::npos);
    EXPECT_NE(after.body.find("put up by an administrator"), std::string::npos);
    EXPECT_NE(after.body.find("admin@example.org"), std::string::npos);
    EXPECT_EQ(store_value(server_, "SELECT detail FROM audit_log WHERE action = 'gate_mode'"),
              "on");
    // The back office itself stays reachable behind the gate.
    EXPECT_EQ(admin.get("/admin/shield").status, 200u);

    ASSERT_EQ(server_.stop(), 0);
    server_.start();
    EXPECT_EQ(http_get(server_.port(), "/", {{"X-Forwarded-For", "192.0.2.1"}}).status, 503u);
}

TEST_F(GateByHand, WithTheGateForcedDownAWaveDoesNotPutItUp) {
    AdminBrowser admin(server_.port());
    log_in(admin, "admin@example.org", admin_once_);
    ASSERT_EQ(set_mode(admin, "off").status, 303u);
    {
        Wave wave(server_.port());
        std::this_thread::sleep_for(4s);
        EXPECT_EQ(metric_value(server_.port(), "rempart_gate_on"), 0);
    }
    // Back to automatic: the next wave would put it up again.
    ASSERT_EQ(set_mode(admin, "auto").status, 303u);
    EXPECT_NE(admin.get("/admin/shield").body.find("value=\"auto\" checked"), std::string::npos);
}

TEST_F(GateByHand, AModeratorSeesTheGateButOnlyAnAdminMovesIt) {
    AdminBrowser moderator(server_.port());
    log_in(moderator, "mod@example.org", moderator_once_);
    const auto page = moderator.get("/admin/shield");
    ASSERT_EQ(page.status, 200u);
    EXPECT_EQ(page.body.find("action=\"/admin/shield/mode\""), std::string::npos);
    const auto refused = moderator.post(
        "/admin/shield/mode", {{"csrf", moderator.csrf_of("/admin/shield")}, {"mode", "on"}});
    EXPECT_EQ(refused.status, 403u);
    EXPECT_EQ(metric_value(server_.port(), "rempart_gate_on"), 0);
}

TEST_F(GateByHand, AnUnknownModeIsRefusedAndChangesNothing) {
    AdminBrowser admin(server_.port());
    log_in(admin, "admin@example.org", admin_once_);
    for (const auto* mode : {"always", "", "ON"}) {
        const auto refused = set_mode(admin, mode);
        EXPECT_EQ(refused.status, 400u) << mode;
        EXPECT_NE(refused.body.find("Choose automatic, always or never."), std::string::npos);
    }
    EXPECT_EQ(store_value(server_, "SELECT count(*) FROM site_settings WHERE name = 'gate.mode'"),
              "0");
    const auto without_token = admin.post("/admin/shield/mode", {{"mode", "on"}});
    EXPECT_EQ(without_token.status, 403u);
    EXPECT_EQ(metric_value(server_.port(), "rempart_gate_on"), 0);
}

}  // namespace
}  // namespace rempart::testing
