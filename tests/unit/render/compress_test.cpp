// Tests for render/compress: what it gives is gzip that zlib reads back whole.
#include "render/compress.hpp"

#include <gtest/gtest.h>

#include <random>

#include "gunzip.hpp"

namespace rempart::render {
namespace {

TEST(Compress, GzipRoundTrips) {
    const std::string text(10000, 'x');
    const auto compressed = gzip(text);
    EXPECT_LT(compressed.size(), text.size() / 10);
    EXPECT_EQ(testing::gunzip(compressed), text);
}

TEST(Compress, WritesTheGzipWrapper) {
    const auto compressed = gzip("bonjour");
    ASSERT_GE(compressed.size(), 18u);
    EXPECT_EQ(static_cast<unsigned char>(compressed[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(compressed[1]), 0x8b);
}

TEST(Compress, EmptyAndIncompressibleInputsRoundTrip) {
    EXPECT_EQ(testing::gunzip(gzip("")), "");
    std::mt19937 random(42);
    std::string noise(100000, '\0');
    for (auto& c : noise) c = static_cast<char>(random());
    const auto compressed = gzip(noise);
    EXPECT_EQ(testing::gunzip(compressed), noise);
    // Noise does not shrink: the caller compares sizes and keeps the original.
    EXPECT_GE(compressed.size(), noise.size());
}

TEST(Compress, BinaryBytesSurvive) {
    const std::string bytes("\0\x01\xff\xfe\0", 5);
    EXPECT_EQ(testing::gunzip(gzip(bytes)), bytes);
}

}  // namespace
}  // namespace rempart::render
