// Tests for http/router: patterns, placeholders, methods and Allow lists.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace rempart::http {
namespace {

Handler nothing() {
    return [](const Request&, const Params&) -> boost::asio::awaitable<Response> {
        co_return Response{};
    };
}

Router sample_router() {
    Router router;
    router.add(Method::get, "/", "home", nothing());
    router.add(Method::get, "/petitions/{slug}", "petition", nothing());
    router.add(Method::post, "/petitions/{slug}/sign", "sign", nothing());
    router.add(Method::get, "/api/petitions", "api_list", nothing());
    return router;
}

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

TEST(Router, TrailingSlashIsADifferentPath) {
    const auto router = sample_router();
    EXPECT_EQ(router.match(Method::get, "/api/petitions/").route, nullptr);
}

}  // namespace
}  // namespace rempart::http
