// Text as signers type it: checked, cleaned for display, and normalised for comparison.
#include "signatures/text_input.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

#include "core/text.hpp"

namespace rempart::signatures {
namespace {

// What utf8proc allocates, freed on every path.
struct Freed {
    void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

std::string mapped(std::string_view text, int options) {
    utf8proc_uint8_t* out = nullptr;
    const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                                     static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, Freed> owned(out);
    if (length < 0) return std::string();
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
}

// Invisible characters that disguise a text without showing: every format character
// (zero-width spaces and joiners, bidi controls, soft hyphen, word joiner, BOM, tags) and
// the variation selectors. Names in scripts that need a zero-width joiner (some Indic
// scripts, emoji sequences) lose it; they stay readable, and no two names can be told
// apart by an invisible character any more, which is what matters for counting.
bool invisible(utf8proc_int32_t c) {
    return utf8proc_category(c) == UTF8PROC_CATEGORY_CF || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0100 && c <= 0xE01EF) || c == 0x034F || c == 0x115F || c == 0x1160 ||
           c == 0x3164 || c == 0xFFA0;
}

bool is_space(utf8proc_int32_t c) {
    return c == ' ' || c == '\t' || utf8proc_category(c) == UTF8PROC_CATEGORY_ZS;
}

void append(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t bytes[4];
    const auto n = utf8proc_encode_char(c, bytes);
    out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(n));
}

}  // namespace

Result<std::string> clean_text(std::string_view raw, std::size_t max_chars, bool multiline) {
    if (!is_valid_utf8(raw)) return make_error("input.not_utf8", "the text is not valid UTF-8");
    // NFC first, so "é" typed as e + accent and "é" typed at once are the same text.
    const auto composed = mapped(raw, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    std::string out;
    out.reserve(composed.size());
    std::size_t chars = 0;
    bool pending_space = false;
    int pending_newlines = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(composed.data());
    auto left = static_cast<utf8proc_ssize_t>(composed.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) return make_error("input.not_utf8", "the text is not valid UTF-8");
        p += n;
        left -= n;
        if (c == '\r') continue;  // \r\n and lone \r both end a line at the next \n or not
        if (c == '\n' || c == 0x2028 || c == 0x2029) {
            if (multiline) {
                pending_space = false;
                ++pending_newlines;
            } else {
                pending_space = true;
            }
            continue;
        }
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        const auto category = utf8proc_category(c);
        if (category == UTF8PROC_CATEGORY_CC || invisible(c)) continue;
        if (!out.empty()) {
            if (pending_newlines > 0) {
                // At most one blank line between paragraphs.
                const int newlines = pending_newlines > 2 ? 2 : pending_newlines;
                out.append(static_cast<std::size_t>(newlines), '\n');
                chars += static_cast<std::size_t>(newlines);
            } else if (pending_space) {
                out += ' ';
                ++chars;
            }
        }
        pending_space = false;
        pending_newlines = 0;
        append(out, c);
        if (++chars > max_chars)
            return make_error("input.too_long",
                              "more than " + std::to_string(max_chars) + " characters");
    }
    return out;
}

std::string normalise_for_comparison(std::string_view cleaned) {
    // Compatibility decomposition folds full-width and styled letters to plain ones; the
    // marks it separates are then dropped, and case folded.
    const auto folded = mapped(cleaned, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                            UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                                            UTF8PROC_IGNORE | UTF8PROC_STRIPCC);
    std::string out;
    bool pending_space = false;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    auto left = static_cast<utf8proc_ssize_t>(folded.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) break;
        p += n;
        left -= n;
        const auto category = utf8proc_category(c);
        const bool word = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                          (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (!word) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        // Letters that do not decompose but read the same to people.
        switch (c) {
            case 0x00DF: out += "ss"; continue;  // ß (casefold already gives ss; kept as safety)
            case 0x0153: out += "oe"; continue;  // œ
            case 0x00E6: out += "ae"; continue;  // æ
            case 0x00F8: out += "o"; continue;   // ø
            case 0x0142: out += "l"; continue;   // ł
            case 0x0111: out += "d"; continue;   // đ
            default: break;
        }
        append(out, c);
    }
    return out;
}

}  // namespace rempart::signatures
