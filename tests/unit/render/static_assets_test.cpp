// Tests for render/static_assets and render/compress: hashed names, exact lookups, gzip.
#include "render/static_assets.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include "render/compress.hpp"

namespace rempart::render {
namespace {

std::string gunzip(const std::string& bytes) {
    z_stream stream{};
    inflateInit2(&stream, 15 + 16);
    std::string out(1 << 20, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    inflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    inflateEnd(&stream);
    return out;
}

TEST(StaticAssets, ShipsPicoAndOurStylesheetUnderHashedNames) {
    const auto assets = StaticAssets::load();
    ASSERT_NE(assets, nullptr);
    const auto pico = assets->url("pico.css");
    ASSERT_FALSE(pico.empty());
    EXPECT_TRUE(pico.starts_with("/static/pico."));
    EXPECT_TRUE(pico.ends_with(".css"));
    const auto* asset = assets->find(pico);
    ASSERT_NE(asset, nullptr);
    EXPECT_EQ(asset->content_type, "text/css; charset=utf-8");
    EXPECT_FALSE(asset->gzipped.empty());
    EXPECT_EQ(gunzip(asset->gzipped), asset->bytes);
    EXPECT_FALSE(assets->url("rempart.css").empty());
}

TEST(StaticAssets, TheNameChangesWithTheContent) {
    StaticAssets assets;
    assets.add("a.css", "body{}");
    assets.add("b.css", "body{color:red}");
    const auto a = std::string(assets.url("a.css"));
    const auto b = std::string(assets.url("b.css"));
    EXPECT_NE(a.substr(a.find('.')), b.substr(b.find('.')));
}

TEST(StaticAssets, OnlyExactHashedNamesAreFound) {
    const auto assets = StaticAssets::load();
    for (const char* path : {"/static/pico.css", "/static/../CMakeLists.txt", "/static/%2e%2e/x",
                             "/static/", "/static/rempart.css", ""})
        EXPECT_EQ(assets->find(path), nullptr) << path;
}

TEST(Compress, GzipRoundTrips) {
    const std::string text(10000, 'x');
    const auto compressed = gzip(text);
    EXPECT_LT(compressed.size(), text.size() / 10);
    EXPECT_EQ(gunzip(compressed), text);
}

}  // namespace
}  // namespace rempart::render
