// Text as signers type it: checked, cleaned for display, and normalised for comparison.
#include "signatures/text_input.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <optional>

#include "core/text.hpp"
#include "signatures/errors.hpp"

namespace rempart::signatures {
namespace {

// Past two blank lines, more space between paragraphs only pushes the next comments down.
constexpr int max_newlines_in_a_row = 3;

struct Freed {
    void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

// Empty only when utf8proc refuses the text (invalid UTF-8, out of memory).
std::optional<std::string> mapped(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                                     static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, Freed> owned(out);
    if (length < 0) return std::nullopt;
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

// Calls `each(code_point)` for every code point of valid UTF-8 `text`.
template <class Each>
void for_each_code_point(std::string_view text, Each each) {
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    auto left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) return;
        p += n;
        left -= n;
        each(c);
    }
}

void append(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t bytes[4];
    const auto n = utf8proc_encode_char(c, bytes);
    out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

// Characters that change nothing a reader sees but make two names differ, or hide text:
// every format character (zero-width spaces and joiners, bidi embeddings, overrides and
// isolates, soft hyphen, word joiner, BOM, tag characters), the variation selectors (they
// only pick a glyph style, and runs of them are used to smuggle hidden bytes), the
// combining grapheme joiner, the Hangul fillers (used for "blank" names) and the rest of
// the default-ignorable tag plane. Emoji sequences joined by ZWJ fall apart into their
// parts, and Persian words lose their ZWNJ; both stay readable, and counting must not
// be fooled by what cannot be seen.
bool invisible(utf8proc_int32_t c) {
    return utf8proc_category(c) == UTF8PROC_CATEGORY_CF || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0000 && c <= 0xE0FFF) || (c >= 0x180B && c <= 0x180F) || c == 0x034F ||
           c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
}

bool line_break(utf8proc_int32_t c) {
    return c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

// The braille blank draws nothing: counted as a space so it cannot make a "blank" name.
bool space(utf8proc_int32_t c) {
    return c == ' ' || c == '\t' || c == 0x2800 || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

// Letters that look like Latin ones in other alphabets, and Latin letters that do not
// decompose, written as people would write them in ASCII. Cases are already folded, so
// the uppercase lookalikes (Cyrillic В Н М Т, Greek Η Ν Υ) map by their lowercase forms.
std::string_view ascii_lookalike(utf8proc_int32_t c) {
    switch (c) {
        // Latin
        case 0x00E6:
            return "ae";  // æ
        case 0x0153:
            return "oe";  // œ
        case 0x00F8:
            return "o";  // ø
        case 0x0111:
            return "d";  // đ
        case 0x0127:
            return "h";  // ħ
        case 0x0131:
            return "i";  // dotless ı
        case 0x0142:
            return "l";  // ł
        case 0x0167:
            return "t";  // ŧ
        // Cyrillic
        case 0x0430:
            return "a";
        case 0x0432:
            return "b";
        case 0x0435:
            return "e";
        case 0x043A:
            return "k";
        case 0x043C:
            return "m";
        case 0x043D:
            return "h";
        case 0x043E:
            return "o";
        case 0x0440:
            return "p";
        case 0x0441:
            return "c";
        case 0x0442:
            return "t";
        case 0x0443:
            return "y";
        case 0x0445:
            return "x";
        case 0x0455:
            return "s";
        case 0x0456:
            return "i";
        case 0x0458:
            return "j";
        case 0x04BB:
            return "h";
        case 0x04CF:
            return "l";
        case 0x0501:
            return "d";
        case 0x051B:
            return "q";
        case 0x051D:
            return "w";
        // Greek
        case 0x03B1:
            return "a";
        case 0x03B2:
            return "b";
        case 0x03B5:
            return "e";
        case 0x03B6:
            return "z";
        case 0x03B7:
            return "h";
        case 0x03B9:
            return "i";
        case 0x03BA:
            return "k";
        case 0x03BC:
            return "m";
        case 0x03BD:
            return "n";
        case 0x03BF:
            return "o";
        case 0x03C1:
            return "p";
        case 0x03C4:
            return "t";
        case 0x03C5:
            return "y";
        case 0x03C7:
            return "x";
        default:
            return {};
    }
}

bool letter_or_digit(utf8proc_int32_t c) {
    const auto category = utf8proc_category(c);
    return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
           (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

}  // namespace

Result<std::string> clean_text(std::string_view raw, std::size_t max_chars, bool multiline) {
    if (!is_valid_utf8(raw))
        return make_error(SignatureError::input_not_utf8, "the text is not valid UTF-8");
    std::string kept;
    kept.reserve(raw.size());
    bool pending_space = false;
    int pending_newlines = 0;
    bool after_cr = false;
    for_each_code_point(raw, [&](utf8proc_int32_t c) {
        const bool crlf = after_cr && c == '\n';
        after_cr = c == '\r';
        if (crlf) return;
        if (line_break(c)) {
            // Trailing spaces of a line go with it; a lone line break joins words.
            if (multiline) {
                pending_space = false;
                ++pending_newlines;
            } else {
                pending_space = true;
            }
            return;
        }
        if (space(c)) {
            if (pending_newlines == 0) pending_space = true;
            return;
        }
        if (utf8proc_category(c) == UTF8PROC_CATEGORY_CC || invisible(c)) return;
        if (!kept.empty()) {
            if (pending_newlines > 0)
                kept.append(
                    static_cast<std::size_t>(std::min(pending_newlines, max_newlines_in_a_row)),
                    '\n');
            else if (pending_space)
                kept += ' ';
        }
        pending_space = false;
        pending_newlines = 0;
        append(kept, c);
    });
    // NFC once the invisible characters are gone, so that "e", a zero-width space and an
    // accent become "é" like the same name typed plainly.
    auto composed = mapped(kept, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (!composed)
        return make_error(SignatureError::input_not_utf8, "the text could not be normalised");
    if (count_code_points(*composed) > max_chars)
        return make_error(SignatureError::input_too_long,
                          "more than " + std::to_string(max_chars) + " characters");
    return std::move(*composed);
}

std::string normalise_for_comparison(std::string_view cleaned) {
    // Compatibility decomposition folds full-width, styled and ligature letters to plain
    // ones; the accents it separates are dropped, cases folded (ß becomes ss).
    const auto folded = mapped(cleaned, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                            UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                            UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
    if (!folded) return {};
    std::string out;
    out.reserve(folded->size());
    bool pending_space = false;
    for_each_code_point(*folded, [&](utf8proc_int32_t c) {
        if (!letter_or_digit(c)) {
            pending_space = !out.empty();
            return;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (const auto ascii = ascii_lookalike(c); !ascii.empty())
            out += ascii;
        else
            append(out, c);
    });
    return out;
}

}  // namespace rempart::signatures
