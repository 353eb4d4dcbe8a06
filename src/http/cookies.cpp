// Reads cookies from a Cookie header and writes Set-Cookie values, all under one policy.
#include "http/cookies.hpp"

#include "core/text.hpp"

namespace rempart::http {

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const auto semicolon = std::min(header.find(';'), header.size());
        const auto pair = trim_view(header.substr(0, semicolon));
        header.remove_prefix(std::min(semicolon + 1, header.size()));
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        if (trim_view(pair.substr(0, eq)) != name) continue;
        auto value = trim_view(pair.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return value;
    }
    return std::nullopt;
}

CookiePolicy::CookiePolicy(std::string_view base_url, bool own_certificate)
    : secure_(base_url.starts_with("https://") || own_certificate) {}

std::string CookiePolicy::set_cookie(std::string_view name, std::string_view value,
                                     const CookieOptions& options) const {
    std::string out;
    out.append(name).append("=").append(value);
    out.append("; Path=").append(options.path);
    if (options.max_age.count() > 0)
        out.append("; Max-Age=").append(std::to_string(options.max_age.count()));
    if (options.http_only) out.append("; HttpOnly");
    if (secure_) out.append("; Secure");
    out.append("; SameSite=").append(options.same_site);
    return out;
}

std::string CookiePolicy::clear_cookie(std::string_view name, CookieOptions options) const {
    std::string out;
    out.append(name).append("=; Path=").append(options.path).append("; Max-Age=0");
    if (options.http_only) out.append("; HttpOnly");
    if (secure_) out.append("; Secure");
    out.append("; SameSite=").append(options.same_site);
    return out;
}

}  // namespace rempart::http
