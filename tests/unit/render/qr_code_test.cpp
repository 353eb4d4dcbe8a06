// Tests for render/qr_code: the code's shape, the SVG's and the PNG's. That a phone reads
// them back is checked against the running server with zbarimg (tests/integration).
#include "render/qr_code.hpp"

#include <gtest/gtest.h>

#include "render/errors.hpp"

namespace rempart::render {
namespace {

TEST(QrCode, AnAddressMakesASquareCodeWithItsFinderPatterns) {
    const auto code = make_qr("https://petitions.example.org/petitions/velo-a-lyon");
    ASSERT_TRUE(code.ok());
    EXPECT_EQ((code->size - 17) % 4, 0);  // sizes are 21, 25, 29...
    EXPECT_EQ(code->dark.size(), static_cast<std::size_t>(code->size * code->size));
    // The three corners hold a 7×7 finder: a dark ring around a light one around 3×3 dark.
    for (const auto& [cx, cy] :
         {std::pair{0, 0}, std::pair{code->size - 7, 0}, std::pair{0, code->size - 7}}) {
        EXPECT_TRUE(code->at(cx, cy));
        EXPECT_TRUE(code->at(cx + 6, cy + 6));
        EXPECT_FALSE(code->at(cx + 1, cy + 1));
        EXPECT_TRUE(code->at(cx + 3, cy + 3));
    }
}

TEST(QrCode, TooMuchTextIsAnErrorNotACrash) {
    const auto code = make_qr(std::string(8000, 'x'));
    ASSERT_FALSE(code.ok());
    EXPECT_EQ(code.error().code, RenderError::qr_failed);
}

TEST(QrCode, TheSvgHasItsQuietZoneAndOnlyOurShapes) {
    const auto code = make_qr("https://example.org/petitions/p");
    ASSERT_TRUE(code.ok());
    const auto svg = qr_svg(*code);
    const auto side = std::to_string(code->size + 8);
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side +
                                " " + side + "\""));
    EXPECT_NE(svg.find("<path d=\"M4 4h7v1h-7z"), std::string::npos);  // the top-left finder
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_EQ(svg.find("href"), std::string::npos);
}

TEST(QrCode, ThePngIsAOneBitImageOfTheRightSize) {
    const auto code = make_qr("https://example.org/petitions/p");
    ASSERT_TRUE(code.ok());
    const auto png = qr_png(*code, 8);
    ASSERT_TRUE(png.ok());
    ASSERT_GT(png->size(), 33u);
    EXPECT_EQ(png->substr(0, 8), "\x89PNG\r\n\x1a\n");
    const auto side = static_cast<unsigned>((code->size + 8) * 8);
    const auto read32 = [&](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>((*png)[at])) << 24 |
               static_cast<unsigned>(static_cast<unsigned char>((*png)[at + 1])) << 16 |
               static_cast<unsigned>(static_cast<unsigned char>((*png)[at + 2])) << 8 |
               static_cast<unsigned>(static_cast<unsigned char>((*png)[at + 3]));
    };
    EXPECT_EQ(png->substr(12, 4), "IHDR");
    EXPECT_EQ(read32(16), side);
    EXPECT_EQ(read32(20), side);
    EXPECT_EQ((*png)[24], 1);  // bit depth
    EXPECT_EQ((*png)[25], 0);  // grayscale
}

}  // namespace
}  // namespace rempart::render
