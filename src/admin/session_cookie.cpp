// The back office's cookies.
#include "admin/session_cookie.hpp"

namespace rempart::admin {
namespace {

http::CookieOptions admin_options() {
    http::CookieOptions options;
    options.http_only = true;
    options.same_site = "Strict";
    options.path = "/";
    return options;
}

}  // namespace

std::string session_cookie_name(bool secure) {
    return secure ? "__Host-rempart_admin" : "rempart_admin";
}

std::string login_cookie_name(bool secure) {
    return secure ? "__Host-rempart_login" : "rempart_login";
}

std::string set_admin_cookie(const http::CookiePolicy& policy, std::string_view name,
                             std::string_view value) {
    return policy.set_cookie(name, value, admin_options());
}

std::string clear_admin_cookie(const http::CookiePolicy& policy, std::string_view name) {
    return policy.clear_cookie(name, admin_options());
}

}  // namespace rempart::admin
