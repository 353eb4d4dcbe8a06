// Tests for web/shield_guard: what the front door decides, turned into the page a visitor
// gets before any handler runs, or into nothing when the request may go on.
#include "web/shield_guard.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "shield/clearance.hpp"
#include "support/header_map.hpp"

namespace rempart::web {
namespace {

using namespace std::chrono_literals;

using Fields = testing::HeaderMap;

std::string header(const http::Response& response, std::string_view name) {
    std::string found;
    int seen = 0;
    for (const auto& [key, value] : response.headers)
        if (key == name) found = value, ++seen;
    EXPECT_LE(seen, 1) << name << " is sent once";
    return found;
}

const http::RouteClass page = http::gated(http::Priority::high, http::TrafficFamily::page);

class ShieldGuardTest : public ::testing::Test {
  protected:
    ShieldGuardTest() {
        auto created = Site::create({server_, site_settings_, mail_, admin_}, catalog_);
        if (!created) throw std::runtime_error(created.error().detail);
        site_ = std::move(*created);
        gate_page_ = std::make_unique<GatePage>(*site_, clearance_);
    }

    ShieldGuard guard(shield::GateMode mode) {
        shield::FrontDoorSettings settings;
        settings.pages.per_ip = 3;
        settings.pages.network_floor = 1000;
        settings.pages.as_floor = 10000;
        settings.mode = mode;
        door_ = std::make_unique<shield::FrontDoor>(settings, clearance_, nullptr,
                                                    [] { return shield::Pressure{}; });
        return ShieldGuard(*door_, *gate_page_, *site_);
    }

    http::Request request(std::string ip, std::string target = "/petitions/x") {
        http::Request request;
        request.method = http::Method::get;
        request.target = std::move(target);
        request.client_ip = std::move(ip);
        request.headers = testing::header_view(fields_);
        return request;
    }

    net::ServerSettings server_;
    render::SiteSettings site_settings_;
    mail::MailSettings mail_;
    accounts::AdminSettings admin_;
    Catalog catalog_;
    std::unique_ptr<Site> site_;
    shield::Clearance clearance_{std::string(32, 's'), 4h, 5s};
    std::unique_ptr<GatePage> gate_page_;
    std::unique_ptr<shield::FrontDoor> door_;
    Fields fields_{{"Accept-Language", "en"}};
};

TEST_F(ShieldGuardTest, ACalmRequestGoesOnToItsHandler) {
    const auto answer = guard(shield::GateMode::off)(request("127.0.0.1"), page);
    EXPECT_FALSE(answer.has_value());
}

TEST_F(ShieldGuardTest, PastItsLimitAnAddressGetsA429PageThatSaysWhenToComeBack) {
    auto check = guard(shield::GateMode::off);
    for (int i = 0; i < 3; ++i) ASSERT_FALSE(check(request("127.0.0.1"), page).has_value());
    const auto refused = check(request("127.0.0.1"), page);
    ASSERT_TRUE(refused.has_value());
    EXPECT_EQ(refused->status, 429u);
    EXPECT_GE(std::stoi(header(*refused, "Retry-After")), 1);
    EXPECT_EQ(header(*refused, "Cache-Control"), "no-store");
    // Another address is not touched by the first one's limit.
    EXPECT_FALSE(check(request("127.0.0.2"), page).has_value());
}

TEST_F(ShieldGuardTest, WhileTheGateStandsAGatedRouteGetsTheGatesPage) {
    auto check = guard(shield::GateMode::on);
    const auto gated = check(request("127.0.0.1", "/petitions/x?from=mail"), page);
    ASSERT_TRUE(gated.has_value());
    EXPECT_EQ(gated->status, 503u);
    EXPECT_EQ(header(*gated, "X-Rempart-Gate"), "challenge");
    // Signing is never gated: the gate only stands before a GET whose loss costs nothing.
    const auto sign = http::never_gated(http::Priority::critical, http::TrafficFamily::sign);
    EXPECT_FALSE(check(request("127.0.0.3", "/petitions/x/sign"), sign).has_value());
}

}  // namespace
}  // namespace rempart::web
