// Reads cookies from a Cookie header and writes Set-Cookie values, all under one policy.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::http {

// The value of the first cookie called `name`, unquoted; none when absent.
std::optional<std::string_view> cookie_value(std::string_view cookie_header, std::string_view name);

// What differs from one cookie to the next. Whether it is Secure is not a choice of the
// cookie's: the policy decides it for all.
struct CookieOptions {
    std::chrono::seconds max_age{0};  // 0: a session cookie
    bool http_only = true;
    std::string_view same_site = "Lax";
    std::string_view path = "/";
};

// The one place that decides what every cookie of the site carries: Secure whenever
// browsers reach the site over HTTPS, that is a base_url in https:// (TLS at a proxy) or
// Rempart's own certificate. Without it a browser also sends the cookie over plain HTTP,
// to whoever is on the way.
class CookiePolicy {
  public:
    // `own_certificate`: Rempart serves HTTPS itself ([server] tls_cert).
    CookiePolicy(std::string_view base_url, bool own_certificate);

    bool secure() const { return secure_; }
    // "name=value; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax"
    std::string set_cookie(std::string_view name, std::string_view value,
                           const CookieOptions& options) const;
    // Makes the browser drop the cookie at once; same attributes, or it would not match.
    std::string clear_cookie(std::string_view name, CookieOptions options) const;

  private:
    bool secure_ = false;
};

}  // namespace rempart::http
