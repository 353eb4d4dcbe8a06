// Tests for http/router: patterns, placeholders, methods, Allow lists, and the class every
// route carries.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace rempart::http {
namespace {

Handler nothing() {
    return [](const Request&, const Params&) -> boost::asio::awaitable<Response> {
        co_return Response{};
    };
}

constexpr auto page = gated(Priority::high, TrafficFamily::page);
constexpr auto signing = never_gated(Priority::critical, TrafficFamily::sign);
constexpr auto api = never_gated(Priority::normal, TrafficFamily::api);

Router sample_router() {
    Router router;
    router.add(Method::get, "/", "home", page, nothing());
    router.add(Method::get, "/petitions/{slug}", "petition", page, nothing());
    router.add(Method::post, "/petitions/{slug}/sign", "sign", signing, nothing());
    router.add(Method::get, "/api/petitions", "api_list", api, nothing());
    return router;
}

// Whether a route can be added with these arguments after its method, pattern and name.
template <typename... Rest>
concept Addable = requires(Router router, Rest... rest) {
    router.add(Method::get, "/", "home", rest...);
};
// Whether `{}` would do for the class.
template <typename R>
concept AddableWithAnEmptyClass = requires(R router, Handler handler) {
    router.add(Method::get, "/", "home", {}, handler);
};

TEST(Router, MatchesExactPaths) {
    const auto router = sample_router();
    const auto match = router.match(Method::get, "/");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->name, "home");
    EXPECT_TRUE(match.params.empty());
}

TEST(Router, CapturesPlaceholders) {
    const auto router = sample_router();
    const auto match = router.match(Method::get, "/petitions/noel-sans-amazon");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->name, "petition");
    ASSERT_EQ(match.params.size(), 1u);
    EXPECT_EQ(match.params[0], "noel-sans-amazon");
}

TEST(Router, PlaceholderNeverMatchesAnEmptySegmentOrSeveral) {
    const auto router = sample_router();
    EXPECT_EQ(router.match(Method::get, "/petitions/").route, nullptr);
    EXPECT_EQ(router.match(Method::get, "/petitions/a/b").route, nullptr);
    EXPECT_EQ(router.match(Method::get, "/petitions").route, nullptr);
}

TEST(Router, HeadIsAnsweredByGetRoutes) {
    const auto router = sample_router();
    const auto match = router.match(Method::head, "/api/petitions");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.route->name, "api_list");
}

TEST(Router, WrongMethodOnAKnownPathListsAllowedMethods) {
    const auto router = sample_router();
    const auto match = router.match(Method::delete_, "/petitions/x");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allow, "GET, HEAD");
    const auto post_only = router.match(Method::get, "/petitions/x/sign");
    EXPECT_EQ(post_only.route, nullptr);
    EXPECT_EQ(post_only.allow, "POST");
}

TEST(Router, UnknownPathHasNoAllowList) {
    const auto router = sample_router();
    const auto match = router.match(Method::get, "/nowhere");
    EXPECT_EQ(match.route, nullptr);
    EXPECT_TRUE(match.allow.empty());
}

TEST(Router, ARouteCannotBeAddedWithoutItsClass) {
    // Checked by the compiler: a route without a class is a build that fails, never a
    // server that starts with a policy nobody chose.
    static_assert(!std::is_default_constructible_v<RouteClass>);
    static_assert(!Addable<Handler>);
    static_assert(!AddableWithAnEmptyClass<Router>);
    static_assert(Addable<RouteClass, Handler>);
    EXPECT_FALSE(std::is_default_constructible_v<RouteClass>);
    EXPECT_FALSE(Addable<Handler>);
    EXPECT_FALSE(AddableWithAnEmptyClass<Router>);
}

TEST(Router, AMatchCarriesTheClassItsRouteWasAddedWith) {
    const auto router = sample_router();
    const auto sign = router.match(Method::post, "/petitions/x/sign");
    ASSERT_NE(sign.route, nullptr);
    EXPECT_EQ(sign.route->route_class, signing);
    const auto home = router.match(Method::head, "/");
    ASSERT_NE(home.route, nullptr);
    EXPECT_EQ(home.route->route_class, page);
}

TEST(Router, TrailingSlashIsADifferentPath) {
    const auto router = sample_router();
    EXPECT_EQ(router.match(Method::get, "/api/petitions/").route, nullptr);
}

}  // namespace
}  // namespace rempart::http
