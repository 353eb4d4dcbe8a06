// Page-view and API limits against the real server: one address, one network and one
// hosting AS each held to its share, households of an eyeball ISP never held by their AS.
#include <gtest/gtest.h>

#include "client/http_client.hpp"
#include "support/metrics_reader.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

HttpResponse get_from(std::uint16_t port, const std::string& target, const std::string& ip,
                      Headers headers = {}) {
    headers.emplace_back("X-Forwarded-For", ip);
    return http_get(port, target, headers);
}

// The n-th address of a /16 of 127.0.0.0/8, spread over its /24s first.
std::string spread(unsigned first_16, unsigned n) {
    return "127." + std::to_string(first_16) + "." + std::to_string(n % 256) + "." +
           std::to_string(n / 256 + 1);
}

class TrafficLimits : public ::testing::Test {
  protected:
    void start(const std::string& traffic) {
        server_ = std::make_unique<ServerProcess>(
            "[server]\ntrusted_proxies = [\"127.0.0.1/32\"]\n"
            "[shield]\nasn_table = \"" REMPART_ATTACK_ASN_TABLE
            "\"\n"
            "[gate]\nmode = \"off\"\n"
            "[traffic]\n" +
            traffic);
        server_->create_petition("velo", "Vélo");
        server_->start();
    }
    std::uint16_t port() const { return server_->port(); }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(TrafficLimits, AnAddressPastItsPageLimitWaitsWithRetryAfter) {
    start("page_per_ip = 5\n");
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(get_from(port(), "/petitions/velo", "10.0.0.1").status, 200u);
    const auto refused =
        get_from(port(), "/petitions/velo", "10.0.0.1", {{"Accept-Language", "en"}});
    EXPECT_EQ(refused.status, 429u);
    const auto wait = std::stoi(refused.header("retry-after"));
    EXPECT_GE(wait, 1);
    EXPECT_LE(wait, 120);
    EXPECT_NE(refused.body.find("Too many requests"), std::string::npos);
    EXPECT_EQ(refused.header("cache-control"), "no-store");
    EXPECT_EQ(get_from(port(), "/petitions/velo", "10.0.0.2").status, 200u);
    // Static files, health checks and confirmation links are not page views.
    EXPECT_EQ(get_from(port(), "/healthz", "10.0.0.1").status, 200u);
    EXPECT_EQ(metric_value(port(), "rempart_shield_decisions_total{decision=\"limited_ip\"}"), 1);
}

TEST_F(TrafficLimits, TheApiHasItsOwnLimitAndAnswersInJson) {
    start("api_per_ip = 3\n");
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(get_from(port(), "/api/petitions/velo", "10.0.0.1").status, 200u);
    const auto refused = get_from(port(), "/api/petitions/velo", "10.0.0.1");
    EXPECT_EQ(refused.status, 429u);
    EXPECT_NE(refused.header("content-type").find("application/json"), std::string::npos);
    EXPECT_FALSE(refused.header("retry-after").empty());
    // The pages are counted apart: a script reading the API does not lock the site.
    EXPECT_EQ(get_from(port(), "/petitions/velo", "10.0.0.1").status, 200u);
}

TEST_F(TrafficLimits, ManyAddressesOfOneNetworkShareItsLimit) {
    start("page_per_network = 20\n");
    int served = 0;
    for (int host = 1; host <= 40; ++host)
        served += get_from(port(), "/", "10.7.7." + std::to_string(host)).status == 200;
    EXPECT_EQ(served, 20);
    EXPECT_EQ(get_from(port(), "/", "10.7.8.1").status, 200u);
}

TEST_F(TrafficLimits, ABotnetUnderEveryAddressLimitIsHeldByItsHostingAs) {
    start("page_per_as = 50\n");
    // 150 addresses of OVH's block, one request each, over 150 different /24s.
    int served = 0, refused = 0;
    for (unsigned n = 0; n < 150; ++n) {
        const auto status = get_from(port(), "/petitions/velo", spread(10, n)).status;
        served += status == 200;
        refused += status == 429;
    }
    EXPECT_EQ(served, 50);
    EXPECT_EQ(refused, 100);
    EXPECT_EQ(metric_value(port(), "rempart_shield_decisions_total{decision=\"limited_as\"}"), 100);
    // The same crowd of households on Orange is a crowd, not one sender.
    int households = 0;
    for (unsigned n = 0; n < 150; ++n)
        households += get_from(port(), "/petitions/velo", spread(64, n)).status == 200;
    EXPECT_EQ(households, 150);
}

}  // namespace
}  // namespace rempart::testing
