// Tests for server/dispatch: routing outcomes, the origin check before the handler, and a
// handler's exception becoming a 500 page.
#include "server/dispatch.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "support/header_map.hpp"

namespace rempart::server {
namespace {

using Awaitable = boost::asio::awaitable<http::Response>;
using Fields = testing::HeaderMap;

constexpr std::string_view base_url = "https://petitions.example.org";
constexpr auto reading = http::never_gated(http::Priority::normal, http::TrafficFamily::api);
constexpr auto acting = http::never_gated(http::Priority::critical, http::TrafficFamily::sign);

http::Response answer(const Dispatcher& dispatcher, http::Method method, std::string target,
                      const Fields& headers = {}) {
    boost::asio::io_context io;
    http::Response response;
    http::Request request;
    request.method = method;
    request.target = target;
    request.headers = testing::header_view(headers);
    boost::asio::co_spawn(
        io,
        [&]() -> boost::asio::awaitable<void> { response = co_await dispatcher.handle(request); },
        boost::asio::detached);
    io.run();
    return response;
}

class DispatchTest : public ::testing::Test {
  protected:
    DispatchTest() : dispatcher_(make_router(), metrics_, std::string(base_url), error_page) {}

    static http::Response error_page(unsigned status, const http::HeaderView&, std::string_view) {
        http::Response response;
        response.status = status;
        response.body = http::Body("error page " + std::to_string(status));
        return response;
    }
    static http::Router make_router() {
        http::Router router;
        router.add(http::Method::get, "/ok/{name}", "ok", reading,
                   [](const http::Request&, const http::Params& params) -> Awaitable {
                       http::Response response;
                       response.body = http::Body("hello " + std::string(params[0]));
                       co_return response;
                   });
        router.add(http::Method::post, "/act", "act", acting,
                   [](const http::Request&, const http::Params&) -> Awaitable {
                       ++acted;
                       co_return http::Response{};
                   });
        router.add(http::Method::get, "/boom", "boom", reading,
                   [](const http::Request&, const http::Params&) -> Awaitable {
                       throw std::runtime_error("a bug in a handler");
                       co_return http::Response{};
                   });
        return router;
    }
    static inline int acted = 0;
    metrics::Registry metrics_;
    Dispatcher dispatcher_;
};

TEST_F(DispatchTest, RoutesWithDecodedParameters) {
    const auto response = answer(dispatcher_, http::Method::get, "/ok/%C3%A9t%C3%A9?x=1");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body.view(), "hello été");
}

TEST_F(DispatchTest, AHandlersExceptionIsA500ForThatRequestAlone) {
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/boom").status, 500u);
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/ok/still").status, 200u);
    EXPECT_NE(metrics_.render().find("route=\"boom\",status=\"500\"} 1"), std::string::npos);
}

TEST_F(DispatchTest, UnknownPathsAndMethodsAndBadTargets) {
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/nowhere").status, 404u);
    const auto wrong_method = answer(dispatcher_, http::Method::post, "/ok/x");
    EXPECT_EQ(wrong_method.status, 405u);
    ASSERT_FALSE(wrong_method.headers.empty());
    EXPECT_EQ(wrong_method.headers[0].second, "GET, HEAD");
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/ok/%ZZ").status, 400u);
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/ok/..").status, 400u);
}

TEST_F(DispatchTest, AGuardsAnswerStandsInForTheHandlersAndUnknownPathsMeetItToo) {
    std::vector<http::RouteClass> asked;
    Guard guard = [&asked](const http::Request& request,
                           const http::RouteClass& route) -> std::optional<http::Response> {
        asked.push_back(route);
        if (request.path != "/ok/limited" && request.path != "/nowhere") return std::nullopt;
        http::Response refused;
        refused.status = 429;
        return refused;
    };
    metrics::Registry metrics;
    Dispatcher guarded(make_router(), metrics, std::string(base_url), error_page, guard);
    EXPECT_EQ(answer(guarded, http::Method::get, "/ok/fine").status, 200u);
    EXPECT_EQ(answer(guarded, http::Method::get, "/ok/limited").status, 429u);
    EXPECT_EQ(answer(guarded, http::Method::get, "/nowhere").status, 429u);
    ASSERT_EQ(asked.size(), 3u);
    // A route is asked about with the class it was registered with.
    EXPECT_EQ(asked[0], reading);
    EXPECT_EQ(asked[1], reading);
    // The unknown path is counted as "unrouted": gated, a page.
    EXPECT_EQ(asked[2], unrouted_class);
    EXPECT_TRUE(asked[2].gated);
    EXPECT_EQ(asked[2].family, http::TrafficFamily::page);
    EXPECT_NE(metrics.render().find("route=\"ok\",status=\"429\"} 1"), std::string::npos);
}

TEST_F(DispatchTest, APostFromAnotherSiteGetsThe403PageAndItsHandlerNeverRuns) {
    acted = 0;
    using http::Method;
    EXPECT_EQ(
        answer(dispatcher_, Method::post, "/act", {{"Origin", "https://evil.example"}}).status,
        403u);
    EXPECT_EQ(answer(dispatcher_, Method::post, "/act", {{"Origin", "null"}}).status, 403u);
    EXPECT_EQ(answer(dispatcher_, Method::post, "/act", {{"Sec-Fetch-Site", "cross-site"}}).status,
              403u);
    EXPECT_EQ(answer(dispatcher_, Method::post, "/act", {{"Referer", "https://evil.example/"}})
                  .body.view(),
              "error page 403");
    EXPECT_EQ(acted, 0);
    const auto& refusals = dispatcher_.origin_refusals();
    EXPECT_EQ(refusals.of(http::OriginVerdict::foreign_origin), 1u);
    EXPECT_EQ(refusals.of(http::OriginVerdict::null_origin), 1u);
    EXPECT_EQ(refusals.of(http::OriginVerdict::cross_site_fetch), 1u);
    EXPECT_EQ(refusals.of(http::OriginVerdict::foreign_referer), 1u);
    EXPECT_NE(metrics_.render().find("route=\"act\",status=\"403\"} 4"), std::string::npos);

    EXPECT_EQ(answer(dispatcher_, Method::post, "/act", {{"Origin", std::string(base_url)}}).status,
              200u);
    EXPECT_EQ(answer(dispatcher_, Method::post, "/act").status, 200u);  // curl: no evidence
    EXPECT_EQ(acted, 2);
}

TEST_F(DispatchTest, ReadsAreNotAskedWhereTheyComeFrom) {
    // A link or an image on another site may point at any page: reading changes nothing.
    EXPECT_EQ(answer(dispatcher_, http::Method::get, "/ok/x", {{"Origin", "https://evil.example"}})
                  .status,
              200u);
    EXPECT_EQ(
        answer(dispatcher_, http::Method::get, "/ok/x", {{"Sec-Fetch-Site", "cross-site"}}).status,
        200u);
}

TEST_F(DispatchTest, TheOriginMetricCountsEachRefusingVerdict) {
    metrics::Registry metrics;
    add_origin_metrics(metrics, dispatcher_.origin_refusals());
    answer(dispatcher_, http::Method::post, "/act", {{"Origin", "null"}});
    answer(dispatcher_, http::Method::post, "/act", {{"Origin", "null"}});
    const auto text = metrics.render();
    EXPECT_NE(text.find("rempart_origin_refused_total{verdict=\"null_origin\"} 2"),
              std::string::npos);
    EXPECT_NE(text.find("rempart_origin_refused_total{verdict=\"foreign_referer\"} 0"),
              std::string::npos);
    EXPECT_EQ(text.find("verdict=\"same_site\""), std::string::npos);
}

}  // namespace
}  // namespace rempart::server
