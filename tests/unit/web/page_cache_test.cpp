// Tests for web/page_cache: pages rendered once per generation, revalidated and compressed.
#include "web/page_cache.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/header_map.hpp"

namespace rempart::web {
namespace {

using Fields = testing::HeaderMap;

http::Request request_with(const Fields& fields) {
    http::Request request;
    request.headers = testing::header_view(fields);
    return request;
}

TEST(PageCache, ClearForgetsEveryPageAndKeepsNoneRenderedBeforeIt) {
    PageCache cache;
    const auto old_name = [] { return std::string("<p>Rempart</p>"); };
    cache.get("home|fr", 1, old_name);
    cache.clear();
    EXPECT_EQ(cache.size(), 0u);
    // A render that began before clear() (the old settings) is served to its request only.
    const auto page = cache.get("privacy|fr", 1, [&] {
        cache.clear();
        return std::string("<p>Rempart</p>");
    });
    EXPECT_EQ(page->body, "<p>Rempart</p>");
    EXPECT_EQ(cache.size(), 0u);
    const auto fresh = cache.get("privacy|fr", 1, [] { return std::string("<p>Les Amis</p>"); });
    EXPECT_EQ(fresh->body, "<p>Les Amis</p>");
    EXPECT_EQ(cache.get("privacy|fr", 1, old_name)->body, "<p>Les Amis</p>");
}

TEST(PageCache, RendersOncePerVersionOfEachPage) {
    PageCache cache;
    int renders = 0;
    const auto render = [&] {
        ++renders;
        return std::string("<p>page</p>");
    };
    cache.get("home|fr", 1, render);
    cache.get("home|fr", 1, render);
    EXPECT_EQ(renders, 1);
    cache.get("home|en", 1, render);
    EXPECT_EQ(renders, 2);
    cache.get("home|fr", 2, render);  // the list changed
    EXPECT_EQ(renders, 3);
    cache.get("home|en", 1, render);  // the other page's version did not
    EXPECT_EQ(renders, 3);
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.hits(), 2u);
    EXPECT_EQ(cache.renders(), 3u);
}

TEST(PageCache, AnOlderVersionIsServedButNotKept) {
    PageCache cache;
    int renders = 0;
    const auto render = [&] {
        ++renders;
        return std::string("x" + std::to_string(renders));
    };
    cache.get("a", 5, render);
    // A request that read the catalog before the change.
    EXPECT_EQ(cache.get("a", 4, render)->body, "x2");
    EXPECT_EQ(cache.get("a", 5, render)->body, "x1");
    EXPECT_EQ(renders, 2);
}

TEST(PageCache, AKeptPageIsServedForNewerVersionsUntilItHasAged) {
    PageCache cache;
    int renders = 0;
    const auto render = [&] {
        ++renders;
        return std::string("x" + std::to_string(renders));
    };
    const auto keep = std::chrono::milliseconds(50);
    EXPECT_EQ(cache.get("card", 1, render, keep)->body, "x1");
    // The count moved twice within the time kept: still the first picture, not drawn again.
    EXPECT_EQ(cache.get("card", 2, render, keep)->body, "x1");
    EXPECT_EQ(cache.get("card", 3, render, keep)->body, "x1");
    EXPECT_EQ(renders, 1);
    std::this_thread::sleep_for(keep + std::chrono::milliseconds(10));
    EXPECT_EQ(cache.get("card", 3, render, keep)->body, "x2");
    EXPECT_EQ(cache.get("card", 3, render, keep)->body, "x2");
    EXPECT_EQ(renders, 2);
}

TEST(PageCache, BoundedInSize) {
    PageCache cache(3);
    for (int i = 0; i < 10; ++i)
        cache.get("k" + std::to_string(i), 1, [] { return std::string("x"); });
    EXPECT_LE(cache.size(), 3u);
}

TEST(CachedResponse, RevalidatesWithTheETag) {
    const auto page = make_cached_page(std::string(2000, 'a'));
    const Fields fields = {{"If-None-Match", page->etag}};
    const auto response = cached_response(request_with(fields), page, 200, "text/html", "no-cache");
    EXPECT_EQ(response.status, 304u);
    EXPECT_EQ(response.body.size(), 0u);
    const Fields listed = {{"If-None-Match", "\"other\", W/" + page->etag}};
    EXPECT_EQ(cached_response(request_with(listed), page, 200, "text/html", "no-cache").status,
              304u);
    const Fields other = {{"If-None-Match", "\"other\""}};
    EXPECT_EQ(cached_response(request_with(other), page, 200, "text/html", "no-cache").status,
              200u);
}

TEST(CachedResponse, CompressesOnlyForClientsThatAccept) {
    const auto page = make_cached_page(std::string(2000, 'a'));
    const Fields gzip = {{"Accept-Encoding", "br, gzip"}};
    const auto compressed = cached_response(request_with(gzip), page, 200, "text/html", "no-cache");
    EXPECT_EQ(compressed.body.view(), page->gzipped);
    const Fields refused = {{"Accept-Encoding", "gzip;q=0, br"}};
    EXPECT_EQ(
        cached_response(request_with(refused), page, 200, "text/html", "no-cache").body.view(),
        page->body);
    EXPECT_EQ(cached_response(request_with({}), page, 200, "text/html", "no-cache").body.view(),
              page->body);
}

TEST(CachedResponse, TinyPagesAreNotCompressed) {
    const auto page = make_cached_page("ok");
    EXPECT_TRUE(page->gzipped.empty());
}

}  // namespace
}  // namespace rempart::web
