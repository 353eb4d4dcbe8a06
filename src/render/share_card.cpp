// A petition's share card: FreeType draws the words on an RGB canvas, libpng encodes it.
#include "render/share_card.hpp"

#include <png.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "render/detail/card_lines.hpp"
#include "render/errors.hpp"

namespace rempart::render {
namespace {

using detail::CardFaces;

struct CardColour {
    std::uint8_t r, g, b;
};

// Pico CSS's light theme, which the site's pages wear.
constexpr CardColour card_background{0xff, 0xff, 0xff};  // --pico-background-color
constexpr CardColour card_ink{0x37, 0x3c, 0x44};         // --pico-color
constexpr CardColour card_muted{0x64, 0x6b, 0x79};       // --pico-muted-color
constexpr CardColour card_primary{0x01, 0x72, 0xad};     // --pico-primary
constexpr CardColour card_track{0xe7, 0xea, 0xef};       // --pico-muted-border-color

// The layout, in pixels of the 1200×630 card.
constexpr int card_margin = 72;
constexpr int card_line_width = share_card_width - 2 * card_margin;
constexpr int card_band_height = 12;  // the primary colour along the top edge
constexpr int card_site_size = 30;
constexpr int card_site_baseline = 92;
constexpr int card_title_top = 128;
constexpr int card_title_bottom = 452;
constexpr int card_title_sizes[] = {64, 58, 52, 46, 40};  // tried in turn until the title fits
constexpr std::size_t card_title_max_lines = 4;
constexpr int card_count_size = 68;
constexpr int card_count_min_size = 32;
constexpr int card_goal_size = 36;
constexpr int card_goal_gap = 24;
constexpr int card_count_baseline = 544;
constexpr int card_bar_top = 574;
constexpr int card_bar_height = 14;
// Four lines hold fewer characters than this even at the smallest size: what is past it is
// never measured, so that a title of any length costs about the same to draw; a title cut
// here ends with "…" whatever is left of it.
constexpr std::size_t card_title_max_chars = 400;

struct CardTitle {
    std::vector<std::u32string> lines;
    int size = 0;
};

// The largest size at which the title fits its lines; at the smallest, the first lines
// and "…".
CardTitle card_fit_title(FT_Face face, std::u32string_view title, bool cut) {
    CardTitle fitted;
    for (const int size : card_title_sizes) {
        FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(size));
        const auto line_height = static_cast<std::size_t>(size * 6 / 5);
        const auto room =
            std::min(card_title_max_lines,
                     static_cast<std::size_t>(card_title_bottom - card_title_top) / line_height);
        fitted = {detail::wrap_card_text(face, title, card_line_width, room), size};
        if (fitted.lines.size() <= room && !cut) return fitted;
        if (size == card_title_sizes[std::size(card_title_sizes) - 1]) {
            fitted.lines.resize(std::min(fitted.lines.size(), room));
            if (!fitted.lines.empty())
                fitted.lines.back() =
                    detail::end_card_line(face, fitted.lines.back(), card_line_width);
        }
    }
    return fitted;
}

struct CardCanvas {
    std::vector<std::uint8_t> rgb;

    CardCanvas() : rgb(static_cast<std::size_t>(share_card_width * share_card_height * 3)) {
        for (std::size_t i = 0; i < rgb.size(); i += 3) {
            rgb[i] = card_background.r;
            rgb[i + 1] = card_background.g;
            rgb[i + 2] = card_background.b;
        }
    }

    // `alpha` of `colour` over what is there; outside the card, nothing.
    void blend(int x, int y, CardColour colour, unsigned alpha) {
        if (x < 0 || y < 0 || x >= share_card_width || y >= share_card_height || alpha == 0) return;
        auto* pixel = &rgb[static_cast<std::size_t>((y * share_card_width + x) * 3)];
        const auto mix = [alpha](std::uint8_t under, std::uint8_t over) {
            return static_cast<std::uint8_t>((under * (255 - alpha) + over * alpha + 127) / 255);
        };
        pixel[0] = mix(pixel[0], colour.r);
        pixel[1] = mix(pixel[1], colour.g);
        pixel[2] = mix(pixel[2], colour.b);
    }

    void fill(int left, int top, int right, int bottom, CardColour colour) {
        for (int y = top; y < bottom; ++y)
            for (int x = left; x < right; ++x) blend(x, y, colour, 255);
    }
};

// Draws `text` with its left edge at `x` and its baseline at `baseline`, in the face's
// current size; returns its width.
int card_draw(CardCanvas& canvas, FT_Face face, std::u32string_view text, int x, int baseline,
              CardColour colour) {
    const auto run = detail::lay_out_card_text(face, text);
    for (const auto& glyph : run.glyphs) {
        if (FT_Load_Glyph(face, glyph.index, detail::card_load_flags | FT_LOAD_RENDER) != 0)
            continue;
        const auto& slot = *face->glyph;
        const auto& bitmap = slot.bitmap;
        if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) continue;
        const int left = x + static_cast<int>((glyph.x + 32) >> 6) + slot.bitmap_left;
        const int top = baseline - slot.bitmap_top;
        for (unsigned row = 0; row < bitmap.rows; ++row) {
            const auto* line = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
            for (unsigned column = 0; column < bitmap.width; ++column)
                canvas.blend(left + static_cast<int>(column), top + static_cast<int>(row), colour,
                             line[column]);
        }
    }
    return run.width;
}

void card_draw_site_name(CardCanvas& canvas, FT_Face face, std::string_view name) {
    FT_Set_Pixel_Sizes(face, 0, card_site_size);
    auto text = detail::decode_card_text(name, card_title_max_chars);
    if (detail::card_text_width(face, text) > card_line_width)
        text = detail::end_card_line(face, text, card_line_width);
    card_draw(canvas, face, text, card_margin, card_site_baseline, card_muted);
}

void card_draw_title(CardCanvas& canvas, FT_Face face, std::string_view title) {
    bool cut = false;
    const auto text = detail::decode_card_text(title, card_title_max_chars, &cut);
    const auto fitted = card_fit_title(face, text, cut);
    FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(fitted.size));
    const int line_height = fitted.size * 6 / 5;
    int baseline = card_title_top + fitted.size;
    for (const auto& line : fitted.lines) {
        card_draw(canvas, face, line, card_margin, baseline, card_ink);
        baseline += line_height;
    }
}

// The count as big as fits beside the goal, and the goal in the regular weight after it.
void card_draw_count(CardCanvas& canvas, const CardFaces& faces, const ShareCardText& text) {
    const auto count = detail::decode_card_text(text.count, card_title_max_chars);
    const auto goal = detail::decode_card_text(text.goal, card_title_max_chars);
    FT_Set_Pixel_Sizes(faces.regular, 0, card_goal_size);
    const int goal_width =
        goal.empty() ? 0 : detail::card_text_width(faces.regular, goal) + card_goal_gap;
    int size = card_count_size;
    for (;; size -= 4) {
        FT_Set_Pixel_Sizes(faces.bold, 0, static_cast<FT_UInt>(size));
        if (size <= card_count_min_size ||
            detail::card_text_width(faces.bold, count) + goal_width <= card_line_width)
            break;
    }
    const int width =
        card_draw(canvas, faces.bold, count, card_margin, card_count_baseline, card_primary);
    if (!goal.empty())
        card_draw(canvas, faces.regular, goal, card_margin + width + card_goal_gap,
                  card_count_baseline, card_muted);
    if (text.progress) {
        const int filled =
            static_cast<int>(std::clamp(*text.progress, 0.0, 1.0) * card_line_width + 0.5);
        const int bottom = card_bar_top + card_bar_height;
        canvas.fill(card_margin, card_bar_top, card_margin + card_line_width, bottom, card_track);
        canvas.fill(card_margin, card_bar_top, card_margin + filled, bottom, card_primary);
    }
}

void card_append_png(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::string*>(png_get_io_ptr(png));
    out->append(reinterpret_cast<const char*>(data), length);
}

// Apart from anything with a destructor: libpng reports its errors by longjmp.
bool card_write_png(png_structp png, png_infop info, const std::uint8_t* rgb, std::string* out) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, out, &card_append_png, nullptr);
    png_set_IHDR(png, info, share_card_width, share_card_height, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // Flat colour with text packs best unfiltered, and trying each filter on each row was
    // two thirds of the time; zlib's level 3 then halves the rest for a third more bytes
    // (measured for a short title: 20 ms and 30 KB with libpng's defaults, 4 ms and 35 KB).
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 3);
    png_write_info(png, info);
    for (int y = 0; y < share_card_height; ++y)
        png_write_row(png, rgb + static_cast<std::ptrdiff_t>(y) * share_card_width * 3);
    png_write_end(png, nullptr);
    return true;
}

Result<std::string> card_encode(const CardCanvas& canvas) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (png == nullptr) return make_error(RenderError::card_failed, "libpng could not start");
    png_infop info = png_create_info_struct(png);
    std::string out;
    const bool written = info != nullptr && card_write_png(png, info, canvas.rgb.data(), &out);
    png_destroy_write_struct(&png, info != nullptr ? &info : nullptr);
    if (!written) return make_error(RenderError::card_failed, "libpng could not write the card");
    return out;
}

}  // namespace

Result<void> load_share_card_fonts() {
    CardFaces faces;
    return detail::open_card_faces(faces);
}

bool has_share_card(const Petition& petition) {
    return petition.state == PetitionState::published || petition.state == PetitionState::closed;
}

ShareCardText share_card_text(const Messages& messages, std::string_view site_name,
                              const Petition& petition) {
    const auto language = parse_language(petition.language).value_or(Language::fr);
    ShareCardText text;
    text.site_name = std::string(site_name);
    text.title = petition.title;
    text.count = format_signatures(messages, language, petition.signature_count);
    if (petition.goal && *petition.goal > 0) {
        text.goal = fill(messages.text(language, "share.card_goal"),
                         {{"goal", format_number(language, *petition.goal)}});
        text.progress =
            static_cast<double>(petition.signature_count) / static_cast<double>(*petition.goal);
    }
    return text;
}

Result<std::string> share_card_png(const ShareCardText& text) {
    CardFaces faces;
    if (auto opened = detail::open_card_faces(faces); !opened) return opened.error();
    CardCanvas canvas;
    canvas.fill(0, 0, share_card_width, card_band_height, card_primary);
    card_draw_site_name(canvas, faces.regular, text.site_name);
    card_draw_title(canvas, faces.bold, text.title);
    card_draw_count(canvas, faces, text);
    return card_encode(canvas);
}

}  // namespace rempart::render
