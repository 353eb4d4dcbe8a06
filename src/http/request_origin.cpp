// Whether a request that changes something was sent from this site, as its browser tells.
#include "http/request_origin.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "core/text.hpp"

namespace rempart::http {
namespace {

// A web origin: a scheme, a host in lower case and a port, never left implicit.
struct WebOrigin {
    std::string scheme;
    std::string host;
    std::uint16_t port = 0;
    bool operator==(const WebOrigin&) const = default;
};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && to_lower_ascii(a) == to_lower_ascii(b);
}

// The origin of an http(s) URL. `exact`: the text must be an origin and nothing more, as
// the Origin header is; otherwise a path, query or fragment may follow (Referer, base_url).
std::optional<WebOrigin> origin_of(std::string_view url, bool exact) {
    const auto separator = url.find("://");
    if (separator == std::string_view::npos) return std::nullopt;
    WebOrigin origin;
    origin.scheme = to_lower_ascii(url.substr(0, separator));
    std::uint16_t default_port = 0;
    if (origin.scheme == "http") default_port = 80;
    if (origin.scheme == "https") default_port = 443;
    if (default_port == 0) return std::nullopt;

    auto authority = url.substr(separator + 3);
    const auto end = authority.find_first_of("/?#");
    if (end != std::string_view::npos) {
        if (exact) return std::nullopt;
        authority = authority.substr(0, end);
    }
    // user:password@ never appears in what a browser sends; such a URL is not ours.
    if (authority.empty() || authority.find('@') != std::string_view::npos) return std::nullopt;

    std::string_view host = authority;
    std::string_view port;
    if (authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        host = authority.substr(0, close + 1);
        const auto rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::nullopt;
            port = rest.substr(1);
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (host.empty()) return std::nullopt;
    if (host.front() != '[' && host.find_first_of(" \t\\:") != std::string_view::npos)
        return std::nullopt;
    origin.host = to_lower_ascii(host);
    origin.port = default_port;
    if (!port.empty()) {
        unsigned value = 0;
        const auto [last, error] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (error != std::errc() || last != port.data() + port.size() || value == 0 ||
            value > 65535)
            return std::nullopt;
        origin.port = static_cast<std::uint16_t>(value);
    }
    return origin;
}

bool same_origin(const std::optional<WebOrigin>& theirs, const std::optional<WebOrigin>& ours) {
    return theirs && ours && *theirs == *ours;
}

}  // namespace

std::string_view to_string(OriginVerdict verdict) {
    switch (verdict) {
        case OriginVerdict::same_site:
            return "same_site";
        case OriginVerdict::no_evidence:
            return "no_evidence";
        case OriginVerdict::foreign_origin:
            return "foreign_origin";
        case OriginVerdict::null_origin:
            return "null_origin";
        case OriginVerdict::cross_site_fetch:
            return "cross_site_fetch";
        case OriginVerdict::foreign_referer:
            return "foreign_referer";
    }
    return "unknown";
}

bool refuses(OriginVerdict verdict) {
    return verdict != OriginVerdict::same_site && verdict != OriginVerdict::no_evidence;
}

bool changes_state(Method method) {
    return method != Method::get && method != Method::head && method != Method::options;
}

OriginVerdict check_request_origin(const HeaderView& headers, std::string_view base_url) {
    const auto ours = origin_of(trim_view(base_url), false);

    if (const auto origin = trim_view(headers["Origin"]); !origin.empty()) {
        if (equals_ignoring_case(origin, "null")) return OriginVerdict::null_origin;
        return same_origin(origin_of(origin, true), ours) ? OriginVerdict::same_site
                                                          : OriginVerdict::foreign_origin;
    }

    const auto fetch_site = trim_view(headers["Sec-Fetch-Site"]);
    if (equals_ignoring_case(fetch_site, "cross-site")) return OriginVerdict::cross_site_fetch;
    // same-site (a sibling subdomain) is let through: cookies are ours alone, and the
    // proof of work and the CSRF tokens still stand behind this check.
    if (equals_ignoring_case(fetch_site, "same-origin") ||
        equals_ignoring_case(fetch_site, "same-site") || equals_ignoring_case(fetch_site, "none"))
        return OriginVerdict::same_site;

    if (const auto referer = trim_view(headers["Referer"]); !referer.empty())
        return same_origin(origin_of(referer, false), ours) ? OriginVerdict::same_site
                                                            : OriginVerdict::foreign_referer;
    return OriginVerdict::no_evidence;
}

}  // namespace rempart::http
