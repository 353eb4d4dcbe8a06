// Tests for render/share_card: the PNG read back with libpng, its size, where ink lands, and
// titles no one should type (empty, endless, not UTF-8) drawn without failing.
#include "render/share_card.hpp"

#include <gtest/gtest.h>
#include <png.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rempart::render {
namespace {

// A card decoded to 8-bit RGB, as a viewer would show it.
struct Picture {
    unsigned width = 0;
    unsigned height = 0;
    std::vector<std::uint8_t> rgb;

    const std::uint8_t* at(unsigned x, unsigned y) const { return &rgb[(y * width + x) * 3]; }
    bool is_background(unsigned x, unsigned y) const {
        const auto* pixel = at(x, y);
        return pixel[0] == 0xff && pixel[1] == 0xff && pixel[2] == 0xff;
    }
    // Pixels off the white background in the band of rows [top, bottom).
    std::size_t ink(unsigned top, unsigned bottom) const {
        std::size_t count = 0;
        for (unsigned y = top; y < bottom; ++y)
            for (unsigned x = 0; x < width; ++x) count += is_background(x, y) ? 0 : 1;
        return count;
    }
};

Picture decode(const std::string& bytes) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    Picture picture;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
        ADD_FAILURE() << "not a PNG libpng reads: " << image.message;
        return picture;
    }
    image.format = PNG_FORMAT_RGB;
    picture.rgb.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, picture.rgb.data(), 0, nullptr)) {
        ADD_FAILURE() << "the PNG does not decode: " << image.message;
        return picture;
    }
    picture.width = image.width;
    picture.height = image.height;
    return picture;
}

ShareCardText card_text(std::string title) {
    return {"Rempart", std::move(title), "1\u202f234 signatures", "sur 5\u202f000", 0.25};
}

Picture drawn(const ShareCardText& text) {
    const auto png = share_card_png(text);
    EXPECT_TRUE(png.ok()) << png.error().detail;
    return png ? decode(*png) : Picture{};
}

// Rows of the card: the site's name, the title's first line, its third, the count.
constexpr unsigned site_rows[] = {60, 100};
constexpr unsigned first_line_rows[] = {130, 200};
constexpr unsigned third_line_rows[] = {300, 360};
constexpr unsigned count_rows[] = {480, 565};

TEST(ShareCard, IsAPngTheNetworksTakeAsALargeImage) {
    const auto png = share_card_png(card_text("Des pistes cyclables à Lyon"));
    ASSERT_TRUE(png.ok()) << png.error().detail;
    EXPECT_EQ(png->substr(0, 8), "\x89PNG\r\n\x1a\n");
    EXPECT_EQ(png->substr(12, 4), "IHDR");
    EXPECT_EQ((*png)[24], 8);  // bits a channel
    EXPECT_EQ((*png)[25], 2);  // RGB
    const auto picture = decode(*png);
    EXPECT_EQ(picture.width, 1200u);
    EXPECT_EQ(picture.height, 630u);
    EXPECT_EQ(picture.width, static_cast<unsigned>(share_card_width));
    EXPECT_EQ(picture.height, static_cast<unsigned>(share_card_height));
}

TEST(ShareCard, TheSiteTitleAndCountAreDrawnWhereTheyBelong) {
    const auto picture = drawn(card_text("Des pistes cyclables à Lyon"));
    ASSERT_EQ(picture.height, 630u);
    EXPECT_GT(picture.ink(site_rows[0], site_rows[1]), 1000u);
    EXPECT_GT(picture.ink(first_line_rows[0], first_line_rows[1]), 5000u);
    EXPECT_GT(picture.ink(count_rows[0], count_rows[1]), 5000u);
    // A short title takes one line: nothing where a third would be, nor in the margins.
    EXPECT_EQ(picture.ink(third_line_rows[0], third_line_rows[1]), 0u);
    for (unsigned y = 20; y < 630; y += 7) {
        EXPECT_TRUE(picture.is_background(10, y)) << y;
        EXPECT_TRUE(picture.is_background(1190, y)) << y;
    }
}

TEST(ShareCard, ALongTitleWrapsOnWordsWithinTheCard) {
    const auto picture =
        drawn(card_text("Pour des pistes cyclables séparées de la circulation sur tous les "
                        "grands axes de la métropole de Lyon, avant les élections municipales"));
    ASSERT_EQ(picture.height, 630u);
    EXPECT_GT(picture.ink(third_line_rows[0], third_line_rows[1]), 5000u);
    // The lines stop short of the count: a blank band between the title and the count.
    EXPECT_EQ(picture.ink(465, 480), 0u);
    for (unsigned y = 120; y < 630; y += 3) EXPECT_TRUE(picture.is_background(1150, y)) << y;
}

TEST(ShareCard, EmptyEndlessAndUnbrokenTitlesStillMakeACard) {
    std::string endless;
    for (int i = 0; i < 20000; ++i) endless += "pétition ";
    for (const auto& title : {std::string(), endless, std::string(5000, 'W'),
                              std::string("\n\t\r  \x7f"), std::string(200, ' ')}) {
        const auto picture = drawn(card_text(title));
        EXPECT_EQ(picture.width, 1200u);
        EXPECT_EQ(picture.height, 630u);
        EXPECT_GT(picture.ink(count_rows[0], count_rows[1]), 5000u);
        EXPECT_EQ(picture.ink(465, 480), 0u) << title.substr(0, 20);
        if (title == endless) {
            EXPECT_GT(picture.ink(third_line_rows[0], third_line_rows[1]), 5000u);
        }
    }
}

TEST(ShareCard, BytesThatAreNotUtf8AreDrawnNotRefused) {
    const auto broken = drawn(card_text("Caf\xe9 \xff\xfe \xc3 \xed\xa0\x80 \xf4\x90\x80\x80 fin"));
    const auto empty = drawn(card_text(""));
    ASSERT_EQ(broken.height, 630u);
    EXPECT_GT(broken.ink(first_line_rows[0], first_line_rows[1]),
              empty.ink(first_line_rows[0], first_line_rows[1]) + 1000);
}

TEST(ShareCard, AGlyphTheFontLacksIsLeftOutNotDrawnAsABox) {
    // U+E000 (private use) and U+1F389 (an emoji) are in neither DejaVu font.
    const auto lacking = share_card_png(card_text("\ue000\U0001f389"));
    const auto empty = share_card_png(card_text(""));
    ASSERT_TRUE(lacking.ok() && empty.ok());
    EXPECT_EQ(*lacking, *empty);
    const auto french = drawn(card_text("« Non au béton ! » 🎉"));
    EXPECT_GT(french.ink(first_line_rows[0], first_line_rows[1]), 5000u);
}

TEST(ShareCard, TheCountAndTheGoalChangeThePicture) {
    auto text = card_text("Des pistes");
    const auto first = share_card_png(text);
    text.count = "1\u202f235 signatures";
    const auto second = share_card_png(text);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(*first, *second);
    EXPECT_EQ(*first, *share_card_png(card_text("Des pistes")));  // drawn alike each time
}

TEST(ShareCard, TheGoalsBarIsFilledAsFarAsTheCount) {
    auto text = card_text("Des pistes");
    text.progress = 0.5;
    const auto half = drawn(text);
    ASSERT_EQ(half.height, 630u);
    const unsigned bar = 580;
    const auto* done = half.at(100, bar);
    const auto* left = half.at(1100, bar);
    EXPECT_LT(done[0], 0x40);  // the primary blue
    EXPECT_GT(done[2], 0x80);
    EXPECT_GT(left[0], 0xd0);  // the pale track
    EXPECT_FALSE(half.is_background(1100, bar));
    text.goal.clear();
    text.progress.reset();
    const auto none = drawn(text);
    EXPECT_TRUE(none.is_background(100, bar));
    EXPECT_TRUE(none.is_background(1100, bar));
}

TEST(ShareCard, FontsAreFoundAtStartUp) {
    const auto fonts = load_share_card_fonts();
    EXPECT_TRUE(fonts.ok()) << fonts.error().detail;
}

Petition petition_with(std::string language, std::int64_t count, std::optional<std::int64_t> goal) {
    Petition petition;
    petition.title = "Des pistes";
    petition.language = std::move(language);
    petition.signature_count = count;
    petition.goal = goal;
    return petition;
}

TEST(ShareCardText, SpeaksThePetitionsOwnLanguage) {
    const auto messages = Messages::load();
    ASSERT_TRUE(messages.ok()) << messages.error().detail;
    const auto french = share_card_text(**messages, "Rempart", petition_with("fr", 1234, 5000));
    EXPECT_EQ(french.site_name, "Rempart");
    EXPECT_EQ(french.title, "Des pistes");
    EXPECT_EQ(french.count, "1\u202f234 signatures");
    EXPECT_EQ(french.goal, "sur 5\u202f000");
    ASSERT_TRUE(french.progress.has_value());
    EXPECT_DOUBLE_EQ(*french.progress, 1234.0 / 5000.0);
    const auto english = share_card_text(**messages, "Rempart", petition_with("en", 1, 5000));
    EXPECT_EQ(english.count, "1 signature");
    EXPECT_EQ(english.goal, "of 5,000");
    const auto no_goal = share_card_text(**messages, "Rempart", petition_with("en", 0, {}));
    EXPECT_EQ(no_goal.count, "0 signatures");
    EXPECT_TRUE(no_goal.goal.empty());
    EXPECT_FALSE(no_goal.progress.has_value());
}

TEST(ShareCardText, OnlyPetitionsBeingSharedHaveACard) {
    Petition petition;
    for (const auto& [state, shared] :
         {std::pair{PetitionState::published, true}, std::pair{PetitionState::closed, true},
          std::pair{PetitionState::draft, false}, std::pair{PetitionState::archived, false}}) {
        petition.state = state;
        EXPECT_EQ(has_share_card(petition), shared) << to_string(state);
    }
}

}  // namespace
}  // namespace rempart::render
