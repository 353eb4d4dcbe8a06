// Reads cookies from a Cookie header and writes Set-Cookie values.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rempart::http {

// The value of the first cookie called `name`, unquoted; none when absent.
std::optional<std::string_view> cookie_value(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
    std::chrono::seconds max_age{0};  // 0: a session cookie
    bool http_only = true;
    bool secure = false;
    std::string_view same_site = "Lax";
    std::string_view path = "/";
};

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions&);

}  // namespace rempart::http
