// How a share card's words fall into lines: the fonts, UTF-8 read leniently, lines broken
// between words as French spacing wants, and "…" where they do not fit. For
// render/share_card, which draws them, and for its tests.
#pragma once

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rempart::render::detail {

// Unhinted outlines: at 30 px and more they look as sharp, and an advance read without
// loading the glyph (FT_Get_Advance) is then the same one drawing uses.
inline constexpr FT_Int32 card_load_flags = FT_LOAD_NO_HINTING;

// One card's FreeType library and faces, released with it.
struct CardFaces {
    FT_Library library = nullptr;
    FT_Face bold = nullptr;
    FT_Face regular = nullptr;

    CardFaces() = default;
    CardFaces(const CardFaces&) = delete;
    CardFaces& operator=(const CardFaces&) = delete;
    ~CardFaces();
};

// Opens the faces over the font files, which are read once for the process: cards drawn at
// the same time on different threads share nothing FreeType writes to.
// RenderError::font_missing names a file that cannot be read or is not a font.
Result<void> open_card_faces(CardFaces& faces);

// The first `max_chars` code points, invalid UTF-8 included: each byte that starts no valid
// sequence becomes U+FFFD, and control characters (a stray newline or tab) become spaces.
// `cut` tells whether anything was left.
std::u32string decode_card_text(std::string_view bytes, std::size_t max_chars, bool* cut = nullptr);

// Each glyph of a line and where it starts, in 26.6 pixels from the line's start.
struct CardGlyph {
    FT_UInt index;
    FT_Pos x;
};
struct CardRun {
    std::vector<CardGlyph> glyphs;
    int width = 0;  // pixels
};

// `text` in the face's current size. Glyphs the face lacks are left out rather than drawn
// as boxes: an emoji in a title leaves the words around it readable.
CardRun lay_out_card_text(FT_Face face, std::u32string_view text);
int card_text_width(FT_Face face, std::u32string_view text);

// Lines at most `width` pixels wide, broken between words; a word wider than a line is cut
// between characters. A lone « or » stays with its word (French puts a space inside them),
// and words drawn as nothing are left out with their space. Stops at `max_lines` + 1 lines,
// which is enough to know that the text does not fit.
std::vector<std::u32string> wrap_card_text(FT_Face face, std::u32string_view text, int width,
                                           std::size_t max_lines);

// `line` shortened until it fits `width` with "…" after it, between words where it has
// some: rather "des riverains…" than "des riverains ava…".
std::u32string end_card_line(FT_Face face, std::u32string_view line, int width);

}  // namespace rempart::render::detail
