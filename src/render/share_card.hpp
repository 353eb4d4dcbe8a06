// A petition's share card: the 1200×630 PNG that a link shows where it is posted (Open
// Graph, Twitter cards), drawn on the server with FreeType, never by a third-party service.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "petitions/petition.hpp"
#include "render/i18n.hpp"

namespace rempart::render {

// The size the networks ask for: 1.91:1, sharp on a phone held either way.
inline constexpr int share_card_width = 1200;
inline constexpr int share_card_height = 630;

// From Debian's fonts-dejavu-core, read once into memory: the title and the count in bold,
// the rest in the regular weight. Both cover French, «», narrow no-break spaces and more.
inline constexpr std::string_view share_card_bold_font =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
inline constexpr std::string_view share_card_regular_font =
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// What a card says, already in the petition's language.
struct ShareCardText {
    std::string site_name;
    std::string title;  // any bytes: what is not UTF-8 shows as U+FFFD
    std::string count;  // "1 234 signatures"
    std::string goal;   // "sur 5 000", or empty without a goal
    // The share of the goal reached, 0 to 1, drawn as a bar; none without a goal.
    std::optional<double> progress;
};

// Reads the two fonts, once for the process; RenderError::font_missing names the file that
// could not be read. The site calls it at start-up, so that a missing font stops the server
// there instead of failing each card.
Result<void> load_share_card_fonts();

// Published and closed petitions have a card; a draft is shared by its private link only,
// and an archived petition is not to be spread.
bool has_share_card(const Petition& petition);

// The words of `petition`'s card, in the petition's own language (not the visitor's: the
// card is one image for everyone who sees the link).
ShareCardText share_card_text(const Messages& messages, std::string_view site_name,
                              const Petition& petition);

// The site's name small at the top, the title wrapped on words (smaller for a long title,
// cut with "…" past four lines), the count big and the goal beside it, dark on light.
// Glyphs the fonts lack (most emoji) are left out. RenderError::font_missing, or
// RenderError::card_failed when FreeType or libpng fail.
Result<std::string> share_card_png(const ShareCardText& text);

}  // namespace rempart::render
