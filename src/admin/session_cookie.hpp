// The back office's cookies: their names and flags, from whether the browser sees HTTPS.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace rempart::admin {

// Over HTTPS (Rempart's own TLS, or a base_url in https behind a proxy) cookies are Secure
// and take the __Host- prefix, which browsers accept only Secure, on Path=/ and without a
// Domain, so no sibling site can plant or shadow them.
bool secure_cookies(const http::Request& request, std::string_view base_url);

// The session: HttpOnly, SameSite=Strict, a browser-session cookie (the server ends it).
std::string session_cookie_name(bool secure);
// Before login: a random value also written into the login form (double submit), so a
// page elsewhere cannot log a visitor into an account of its choosing.
std::string login_cookie_name(bool secure);

std::string set_admin_cookie(std::string_view name, std::string_view value, bool secure);
std::string clear_admin_cookie(std::string_view name, bool secure);

}  // namespace rempart::admin
