// Behind a proxy, against the real server: whose address the shield, the log and /metrics
// see when the proxy adds its own header line, writes Forwarded, or gets garbage.
#include <gtest/gtest.h>

#include "client/http_client.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

class BehindAProxy : public ::testing::Test {
  protected:
    void start(const std::string& extra = "") {
        server_ = std::make_unique<ServerProcess>(
            "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
            "[gate]\nmode = \"off\"\n" +
            extra);
        server_->create_petition("velo", "Vélo");
        server_->start();
    }
    // The address the server's log line gives for the request that got `response`.
    std::string logged_ip(const HttpResponse& response) {
        const auto id = response.header("x-request-id");
        EXPECT_FALSE(id.empty());
        const auto mark = "HTTP_REQUEST id=" + id + " ip=";
        if (!server_->log_contains(mark)) return "(not logged)";
        const auto log = server_->log_text();
        const auto at = log.find(mark) + mark.size();
        return log.substr(at, log.find(' ', at) - at);
    }
    std::uint16_t port() const { return server_->port(); }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(BehindAProxy, APerIpLimitHoldsTheAddressTheProxyAddedNotTheForgedOne) {
    start("[traffic]\npage_per_ip = 5\n");
    // HAProxy's option forwardfor: the client's own line stays first, the proxy's follows.
    for (int i = 0; i < 5; ++i) {
        const auto forged = "198.51.100." + std::to_string(i + 1);
        ASSERT_EQ(http_get(port(), "/petitions/velo",
                           {{"X-Forwarded-For", forged}, {"X-Forwarded-For", "203.0.113.7"}})
                      .status,
                  200u)
            << i;
    }
    // A third line from a second proxy of ours changes nothing; a new forgery neither.
    const auto refused = http_get(port(), "/petitions/velo",
                                  {{"X-Forwarded-For", "198.51.100.99"},
                                   {"X-Forwarded-For", "203.0.113.7"},
                                   {"X-Forwarded-For", "127.0.0.1"}});
    EXPECT_EQ(refused.status, 429u);
    EXPECT_EQ(metric_value(port(), "rempart_shield_decisions_total{decision=\"limited_ip\"}"), 1);
    const auto other =
        http_get(port(), "/petitions/velo",
                 {{"X-Forwarded-For", "203.0.113.7"}, {"X-Forwarded-For", "203.0.113.8"}});
    EXPECT_EQ(other.status, 200u);
    EXPECT_EQ(logged_ip(other), "203.0.113.8");
}

TEST_F(BehindAProxy, ForwardedIsReadTooWithIpv6AndPorts) {
    start();
    const auto one = http_get(port(), "/healthz",
                              {{"Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https"}});
    EXPECT_EQ(logged_ip(one), "2001:db8:cafe::17");
    const auto two = http_get(port(), "/healthz",
                              {{"Forwarded", "for=192.0.2.66, for=\"198.51.100.17:80\""},
                               {"Forwarded", "for=127.0.0.1;by=127.0.0.1"}});
    EXPECT_EQ(logged_ip(two), "198.51.100.17");
}

TEST_F(BehindAProxy, HeadersThatDisagreeOrCannotBeReadStandForNobodyInParticular) {
    start();
    // nginx writes X-Forwarded-For and passes on the client's own Forwarded.
    const auto disagree = http_get(
        port(), "/healthz", {{"Forwarded", "for=192.0.2.66"}, {"X-Forwarded-For", "203.0.113.7"}});
    EXPECT_EQ(disagree.status, 200u);
    EXPECT_EQ(logged_ip(disagree), "0.0.0.0");
    const auto agree = http_get(
        port(), "/healthz", {{"Forwarded", "for=203.0.113.7"}, {"X-Forwarded-For", "203.0.113.7"}});
    EXPECT_EQ(logged_ip(agree), "203.0.113.7");
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"X-Forwarded-For", "nonsense"},
             {"X-Forwarded-For", "unknown"},
             {"Forwarded", "for=\"203.0.113.7"},
             {"Forwarded", "for=_hidden"},
             {"Forwarded", std::string(2000, ';')},
             {"X-Forwarded-For", std::string(2000, ',') + "[" + std::string(2000, ':')}}) {
        const auto garbled = http_get(port(), "/healthz", {{name, value}});
        EXPECT_EQ(garbled.status, 200u) << value;
        EXPECT_EQ(logged_ip(garbled), "0.0.0.0") << value;
    }
    // Not the proxy's own address: nothing meant for loopback opens to these.
    EXPECT_EQ(http_get(port(), "/metrics", {{"X-Forwarded-For", "nonsense"}}).status, 403u);
    EXPECT_EQ(http_get(port(), "/metrics", {{"Forwarded", "for=unknown"}}).status, 403u);
}

}  // namespace
}  // namespace rempart::testing
