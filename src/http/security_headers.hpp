// The security headers sent with every response, errors included.
#pragma once

#include <array>
#include <string_view>
#include <utility>

namespace rempart::http {

// No inline script or style and no other origin. img-src allows data: because Pico CSS
// draws its form icons as data: SVG backgrounds, which cannot run script.
inline constexpr std::string_view content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'; object-src 'none'";

inline constexpr std::array<std::pair<std::string_view, std::string_view>, 7> security_headers = {{
    {"Content-Security-Policy", content_security_policy},
    {"X-Content-Type-Options", "nosniff"},
    // same-origin rather than no-referrer: browsers then still send a real Origin on our
    // own form posts, which CSRF checks rely on.
    {"Referrer-Policy", "same-origin"},
    {"Permissions-Policy",
     "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"X-Frame-Options", "DENY"},
}};

// Only sent over TLS: over plain HTTP it would be ignored, and behind a proxy the proxy
// owns it.
inline constexpr std::string_view strict_transport_security = "max-age=63072000";

}  // namespace rempart::http
