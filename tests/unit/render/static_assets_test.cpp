// Tests for render/static_assets: hashed names, exact lookups, content types, compression.
#include "render/static_assets.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "gunzip.hpp"

namespace rempart::render {
namespace {

TEST(StaticAssets, ShipsPicoOurStylesheetAndIconUnderHashedNames) {
    const auto assets = StaticAssets::load();
    ASSERT_NE(assets, nullptr);
    static const std::regex hashed("/static/[a-z.]+\\.[0-9a-f]{8}\\.(css|svg)");
    for (const char* name : {"pico.css", "rempart.css", "favicon.svg"}) {
        const auto url = std::string(assets->url(name));
        EXPECT_TRUE(std::regex_match(url, hashed)) << name << " at " << url;
        EXPECT_NE(assets->find(url), nullptr) << url;
    }
    EXPECT_TRUE(assets->url("pico.css").starts_with("/static/pico."));
    const auto* pico = assets->find(assets->url("pico.css"));
    ASSERT_NE(pico, nullptr);
    EXPECT_EQ(pico->content_type, "text/css; charset=utf-8");
    EXPECT_GT(pico->bytes.size(), 10000u);
    EXPECT_EQ(assets->find(assets->url("favicon.svg"))->content_type, "image/svg+xml");
}

TEST(StaticAssets, CompressedCopiesRoundTrip) {
    const auto assets = StaticAssets::load();
    for (const auto& [name, url] : assets->urls()) {
        const auto* asset = assets->find(url);
        ASSERT_NE(asset, nullptr) << name;
        if (asset->gzipped.empty()) continue;
        EXPECT_LT(asset->gzipped.size(), asset->bytes.size()) << name;
        EXPECT_EQ(testing::gunzip(asset->gzipped), asset->bytes) << name;
    }
    EXPECT_FALSE(assets->find(assets->url("pico.css"))->gzipped.empty());
}

TEST(StaticAssets, ACompressedCopyIsKeptOnlyWhenSmaller) {
    StaticAssets assets;
    assets.add("tiny.txt", "a");
    EXPECT_TRUE(assets.find(assets.url("tiny.txt"))->gzipped.empty());
    assets.add("long.txt", std::string(5000, 'a'));
    EXPECT_FALSE(assets.find(assets.url("long.txt"))->gzipped.empty());
}

TEST(StaticAssets, TheNameAndETagChangeWithTheContent) {
    StaticAssets assets;
    assets.add("a.css", "body{}");
    const auto before = std::string(assets.url("a.css"));
    const auto before_etag = assets.find(before)->etag;
    assets.add("a.css", "body{color:red}");
    const auto after = std::string(assets.url("a.css"));
    EXPECT_NE(before, after);
    EXPECT_NE(before_etag, assets.find(after)->etag);
    EXPECT_TRUE(after.starts_with("/static/a."));
    EXPECT_TRUE(after.ends_with(".css"));
}

TEST(StaticAssets, TheSameContentKeepsItsName) {
    StaticAssets first, second;
    first.add("a.css", "body{}");
    second.add("a.css", "body{}");
    EXPECT_EQ(first.url("a.css"), second.url("a.css"));
    // Named by SHA-256("body{}") = 7c98040a5416…; the ETag is strong and quoted.
    const auto* asset = first.find(first.url("a.css"));
    EXPECT_EQ(asset->url, "/static/a.7c98040a.css");
    EXPECT_EQ(asset->etag, "\"7c98040a541657584690ae2a1cc3b42a\"");
}

TEST(StaticAssets, OnlyExactHashedNamesAreFound) {
    const auto assets = StaticAssets::load();
    const auto pico = std::string(assets->url("pico.css"));
    const auto file = pico.substr(std::string_view("/static/").size());
    const std::vector<std::string> paths = {"/static/pico.css",
                                            "/static/pico.min.css",
                                            "/static/../CMakeLists.txt",
                                            "/static/%2e%2e/x",
                                            "/static/..%2fCMakeLists.txt",
                                            "/static/",
                                            "/static",
                                            "/static/rempart.css",
                                            "/static/favicon.svg",
                                            "/static/node_modules/@picocss/pico/css/pico.min.css",
                                            "",
                                            "/",
                                            pico + "/",
                                            pico + "?x",
                                            "/static//" + file,
                                            "/STATIC/" + file,
                                            "/static/../static/" + file,
                                            pico.substr(0, pico.size() - 1),
                                            pico + std::string(1, '\0')};
    for (const auto& path : paths) EXPECT_EQ(assets->find(path), nullptr) << path;
}

TEST(StaticAssets, ContentTypesByExtension) {
    EXPECT_EQ(content_type_for("a.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type_for("a.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type_for("a.svg"), "image/svg+xml");
    EXPECT_EQ(content_type_for("a.png"), "image/png");
    EXPECT_EQ(content_type_for("a.ico"), "image/x-icon");
    EXPECT_EQ(content_type_for("a.woff2"), "font/woff2");
    EXPECT_EQ(content_type_for("a.txt"), "text/plain; charset=utf-8");
    EXPECT_EQ(content_type_for("README"), "application/octet-stream");
}

}  // namespace
}  // namespace rempart::render
