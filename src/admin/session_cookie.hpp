// The back office's cookies: their names and flags, from whether the browser sees HTTPS.
#pragma once

#include <string>
#include <string_view>

#include "http/cookies.hpp"

namespace rempart::admin {

// Over HTTPS (the site's cookie policy says Secure) the cookies take the __Host- prefix,
// which browsers accept only Secure, on Path=/ and without a Domain, so no sibling site
// can plant or shadow them.

// The session: HttpOnly, SameSite=Strict, a browser-session cookie (the server ends it).
std::string session_cookie_name(bool secure);
// Before login: a random value also written into the login form (double submit), so a
// page elsewhere cannot log a visitor into an account of its choosing.
std::string login_cookie_name(bool secure);

std::string set_admin_cookie(const http::CookiePolicy& policy, std::string_view name,
                             std::string_view value);
std::string clear_admin_cookie(const http::CookiePolicy& policy, std::string_view name);

}  // namespace rempart::admin
