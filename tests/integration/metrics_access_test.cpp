// Who may read /metrics, against the real server: loopback by default, the allowed
// networks as found behind the proxy, and the bearer token when one is set.
#include <gtest/gtest.h>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

const std::string proxy = "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n";
const std::string token(32, 'k');  // the shortest accepted

bool is_metrics(const HttpResponse& response) {
    return response.status == 200 &&
           response.body.find("rempart_http_requests_total") != std::string::npos;
}

TEST(MetricsAccess, OnlyLoopbackReadsByDefaultEvenThroughTheProxy) {
    ServerProcess server(proxy);
    server.start();
    EXPECT_TRUE(is_metrics(http_get(server.port(), "/metrics")));
    EXPECT_TRUE(is_metrics(http_request(server.port(), "GET", "/metrics", "", {}, "127.0.0.2")));
    // Relayed by the proxy on loopback, but from outside.
    const auto relayed = http_get(server.port(), "/metrics",
                                  {{"X-Forwarded-For", "198.51.100.7"}, {"Accept-Language", "en"}});
    EXPECT_EQ(relayed.status, 403u);
    EXPECT_EQ(relayed.body, "Access denied\n");
    EXPECT_EQ(relayed.header("content-type"), "text/plain; charset=utf-8");
    EXPECT_TRUE(relayed.header("www-authenticate").empty());
    const auto in_french = http_get(server.port(), "/metrics", {{"Forwarded", "for=198.51.100.7"}});
    EXPECT_EQ(in_french.status, 403u);
    EXPECT_EQ(in_french.body, "Accès refusé\n");
    // The health check stays for everyone.
    EXPECT_EQ(http_get(server.port(), "/healthz", {{"X-Forwarded-For", "198.51.100.7"}}).status,
              200u);
}

TEST(MetricsAccess, TheAllowedNetworksAreTheClientsBehindTheProxy) {
    ServerProcess server(proxy + "[metrics]\nallow = [\"198.51.100.0/24\"]\n");
    server.start();
    EXPECT_TRUE(is_metrics(
        http_get(server.port(), "/metrics", {{"X-Forwarded-For", "6.6.6.6, 198.51.100.7"}})));
    EXPECT_EQ(
        http_get(server.port(), "/metrics", {{"X-Forwarded-For", "198.51.100.7, 6.6.6.6"}}).status,
        403u);
    // Loopback is no longer on the list.
    EXPECT_EQ(http_get(server.port(), "/metrics").status, 403u);
}

TEST(MetricsAccess, WithATokenTheRightOneIsAskedFor) {
    ServerProcess server("[metrics]\nbearer_token = \"" + token + "\"\n");
    server.start();
    const auto missing = http_get(server.port(), "/metrics", {{"Accept-Language", "en"}});
    EXPECT_EQ(missing.status, 401u);
    EXPECT_EQ(missing.header("www-authenticate"), "Bearer");
    EXPECT_EQ(missing.body, "Authentication required\n");
    const auto wrong =
        http_get(server.port(), "/metrics", {{"Authorization", "Bearer " + std::string(32, 'j')}});
    EXPECT_EQ(wrong.status, 401u);
    EXPECT_EQ(wrong.header("www-authenticate"), "Bearer");
    EXPECT_EQ(wrong.body.find("token"), std::string::npos);
    EXPECT_TRUE(
        is_metrics(http_get(server.port(), "/metrics", {{"Authorization", "Bearer " + token}})));
    EXPECT_EQ(http_get(server.port(), "/healthz").status, 200u);
}

TEST(MetricsAccess, TheRightTokenFromAnotherNetworkIsStillRefused) {
    ServerProcess server(proxy + "[metrics]\nbearer_token = \"" + token + "\"\n");
    server.start();
    EXPECT_EQ(http_get(server.port(), "/metrics",
                       {{"Authorization", "Bearer " + token}, {"X-Forwarded-For", "198.51.100.7"}})
                  .status,
              403u);
}

TEST(MetricsAccess, AShortTokenOrABadNetworkStopsTheStart) {
    std::string output;
    ServerProcess short_token("[metrics]\nbearer_token = \"" + std::string(31, 'k') + "\"\n");
    EXPECT_NE(short_token.run_cli({"serve"}, &output), 0);
    EXPECT_NE(output.find("[metrics] bearer_token: expected a string of at least 32"),
              std::string::npos)
        << output;
    EXPECT_NE(output.find(short_token.config_file().string() + ":"), std::string::npos) << output;
    EXPECT_EQ(output.find(std::string(31, 'k')), std::string::npos) << output;
    ServerProcess bad_network("[metrics]\nallow = [\"10.0.0.0/40\"]\n");
    EXPECT_NE(bad_network.run_cli({"serve"}, &output), 0);
    EXPECT_NE(output.find("[metrics] allow: expected an array of networks"), std::string::npos)
        << output;
}

}  // namespace
}  // namespace rempart::testing
