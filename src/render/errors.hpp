// The errors of loading what pages are made of: the locales, the templates, the assets.
// Each means a broken build and stops start-up.
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
    }
    return "render.unknown";
}

}  // namespace rempart::render
