// How a share card's words fall into lines: the fonts, UTF-8, words and "…".
#include "render/detail/card_lines.hpp"

#include FT_ADVANCES_H

#include <algorithm>
#include <fstream>
#include <utility>

#include "render/errors.hpp"
#include "render/share_card.hpp"

namespace rempart::render::detail {
namespace {

struct CardFontFiles {
    std::string bold;
    std::string regular;
};

Result<std::string> card_read_font(std::string_view path) {
    // Read whole, not a character at a time: two fonts of 700 KB each, at every start.
    std::ifstream in{std::string(path), std::ios::binary | std::ios::ate};
    std::string bytes;
    if (in) {
        bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(in.tellg(), 0)));
        in.seekg(0);
        if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) bytes.clear();
    }
    if (bytes.empty())
        return make_error(
            RenderError::font_missing,
            std::string(path) + " cannot be read: share cards need Debian's fonts-dejavu-core");
    return bytes;
}

const Result<CardFontFiles>& card_font_files() {
    static const Result<CardFontFiles> files = []() -> Result<CardFontFiles> {
        auto bold = card_read_font(share_card_bold_font);
        if (!bold) return bold.error();
        auto regular = card_read_font(share_card_regular_font);
        if (!regular) return regular.error();
        return CardFontFiles{std::move(*bold), std::move(*regular)};
    }();
    return files;
}

// The words a line breaks between, with what French spacing keeps together.
std::vector<std::u32string> card_words(FT_Face face, std::u32string_view text) {
    static constexpr std::u32string_view closing = U"»:;!?…)";
    static constexpr std::u32string_view opening = U"«(";
    std::vector<std::u32string> words;
    bool glue_next = false;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = std::min(text.find(U' ', at), text.size());
        const auto word = text.substr(at, end - at);
        at = end + 1;
        if (word.empty() || card_text_width(face, word) == 0) continue;
        const bool closes = word.find_first_not_of(closing) == std::u32string_view::npos;
        if (!words.empty() && (glue_next || closes))
            words.back().append(U" ").append(word);
        else
            words.emplace_back(word);
        glue_next = word.find_first_not_of(opening) == std::u32string_view::npos;
    }
    return words;
}

}  // namespace

CardFaces::~CardFaces() {
    if (bold != nullptr) FT_Done_Face(bold);
    if (regular != nullptr) FT_Done_Face(regular);
    if (library != nullptr) FT_Done_FreeType(library);
}

Result<void> open_card_faces(CardFaces& faces) {
    const auto& files = card_font_files();
    if (!files) return files.error();
    if (FT_Init_FreeType(&faces.library) != 0)
        return make_error(RenderError::card_failed, "FreeType could not start");
    const auto open = [&faces](const std::string& bytes, FT_Face& face) {
        return FT_New_Memory_Face(faces.library, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                  static_cast<FT_Long>(bytes.size()), 0, &face) == 0;
    };
    if (!open(files->bold, faces.bold))
        return make_error(RenderError::font_missing,
                          std::string(share_card_bold_font) + " is not a font FreeType reads");
    if (!open(files->regular, faces.regular))
        return make_error(RenderError::font_missing,
                          std::string(share_card_regular_font) + " is not a font FreeType reads");
    return {};
}

std::u32string decode_card_text(std::string_view bytes, std::size_t max_chars, bool* cut) {
    std::u32string text;
    std::size_t at = 0;
    while (at < bytes.size() && text.size() < max_chars) {
        const auto lead = static_cast<unsigned char>(bytes[at]);
        const std::size_t length = lead < 0x80           ? 1
                                   : (lead >> 5) == 0x6  ? 2
                                   : (lead >> 4) == 0xe  ? 3
                                   : (lead >> 3) == 0x1e ? 4
                                                         : 0;
        char32_t c = length == 1 ? lead : lead & (0x7f >> length);
        bool valid = length != 0 && at + length <= bytes.size();
        for (std::size_t i = 1; valid && i < length; ++i) {
            const auto next = static_cast<unsigned char>(bytes[at + i]);
            valid = (next & 0xc0) == 0x80;
            c = (c << 6) | (next & 0x3f);
        }
        // Overlong forms, surrogates and values past Unicode are not characters either.
        static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        valid = valid && c >= smallest[length] && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);
        if (!valid) {
            text += U'\ufffd';
            ++at;
            continue;
        }
        text += c < 0x20 || (c >= 0x7f && c < 0xa0) ? U' ' : c;
        at += length;
    }
    if (cut != nullptr) *cut = at < bytes.size();
    return text;
}

CardRun lay_out_card_text(FT_Face face, std::u32string_view text) {
    CardRun run;
    FT_Pos pen = 0;
    FT_UInt previous = 0;
    for (const char32_t c : text) {
        const FT_UInt index = FT_Get_Char_Index(face, c);
        FT_Fixed advance = 0;
        if (index == 0 || FT_Get_Advance(face, index, card_load_flags, &advance) != 0) continue;
        if (previous != 0 && FT_HAS_KERNING(face)) {
            FT_Vector kerning{};
            if (FT_Get_Kerning(face, previous, index, FT_KERNING_UNFITTED, &kerning) == 0)
                pen += kerning.x;
        }
        run.glyphs.push_back({index, pen});
        pen += advance >> 10;  // 16.16 to 26.6
        previous = index;
    }
    run.width = static_cast<int>((pen + 32) >> 6);
    return run;
}

int card_text_width(FT_Face face, std::u32string_view text) {
    return lay_out_card_text(face, text).width;
}

std::vector<std::u32string> wrap_card_text(FT_Face face, std::u32string_view text, int width,
                                           std::size_t max_lines) {
    std::vector<std::u32string> lines;
    std::u32string line;
    const auto full = [&lines, max_lines] { return lines.size() > max_lines; };
    for (const auto& word : card_words(face, text)) {
        auto joined = line.empty() ? word : line + U' ' + word;
        if (card_text_width(face, joined) <= width) {
            line = std::move(joined);
            continue;
        }
        if (!line.empty()) lines.push_back(std::exchange(line, {}));
        if (card_text_width(face, word) <= width) {
            line = word;
        } else {
            for (const char32_t c : word) {
                if (!line.empty() && card_text_width(face, line + c) > width)
                    lines.push_back(std::exchange(line, {}));
                if (full()) return lines;
                line += c;
            }
        }
        if (full()) return lines;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

std::u32string end_card_line(FT_Face face, std::u32string_view line, int width) {
    auto kept = line.size();
    while (kept > 0 && card_text_width(face, std::u32string(line.substr(0, kept)) + U'…') > width)
        --kept;
    if (kept < line.size() && line[kept] != U' ') {
        const auto space = line.substr(0, kept).rfind(U' ');
        if (space != std::u32string_view::npos) kept = space;
    }
    while (kept > 0 && line[kept - 1] == U' ') --kept;
    return std::u32string(line.substr(0, kept)) + U'…';
}

}  // namespace rempart::render::detail
