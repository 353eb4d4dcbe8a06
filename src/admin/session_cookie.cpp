// The back office's cookies.
#include "admin/session_cookie.hpp"

#include "http/cookies.hpp"

namespace rempart::admin {

bool secure_cookies(const http::Request& request, std::string_view base_url) {
    return request.tls || base_url.starts_with("https://");
}

std::string session_cookie_name(bool secure) {
    return secure ? "__Host-rempart_admin" : "rempart_admin";
}

std::string login_cookie_name(bool secure) {
    return secure ? "__Host-rempart_login" : "rempart_login";
}

std::string set_admin_cookie(std::string_view name, std::string_view value, bool secure) {
    http::CookieOptions options;
    options.http_only = true;
    options.secure = secure;
    options.same_site = "Strict";
    options.path = "/";
    return http::set_cookie(name, value, options);
}

std::string clear_admin_cookie(std::string_view name, bool secure) {
    std::string out(name);
    out += "=; Path=/; Max-Age=0; HttpOnly";
    if (secure) out += "; Secure";
    out += "; SameSite=Strict";
    return out;
}

}  // namespace rempart::admin
