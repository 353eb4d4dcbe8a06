// The errors of loading what pages are made of (the locales, the templates, the assets, the
// fonts), each a broken install that stops start-up, and of drawing a QR code or a card.
#pragma once

#include <string_view>

namespace rempart::render {

enum class RenderError {
    locale_bad,           // a locale file is not TOML of [section] key = "text"
    locale_missing,       // a locale file, or a key one locale has and the other lacks
    locale_placeholders,  // the two locales give a key different {placeholders}
    template_missing,     // a template is not in this build
    template_invalid,     // a template is not valid Mustache
    assets_failed,        // the static assets could not be prepared
    qr_failed,            // a QR code or its image could not be made
    font_missing,         // a font of the share card is not installed (fonts-dejavu-core)
    card_failed,          // a share card could not be drawn or encoded
};

constexpr std::string_view error_name(RenderError error) {
    switch (error) {
        case RenderError::locale_bad:
            return "locale.bad";
        case RenderError::locale_missing:
            return "locale.missing";
        case RenderError::locale_placeholders:
            return "locale.placeholders";
        case RenderError::template_missing:
            return "template.missing";
        case RenderError::template_invalid:
            return "template.invalid";
        case RenderError::qr_failed:
            return "render.qr_failed";
        case RenderError::assets_failed:
            return "assets.failed";
        case RenderError::font_missing:
            return "render.font_missing";
        case RenderError::card_failed:
            return "render.card_failed";
    }
    return "render.unknown";
}

}  // namespace rempart::render
