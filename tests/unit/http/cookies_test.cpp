// Tests for http/cookies: reading a Cookie header and writing Set-Cookie.
#include "http/cookies.hpp"

#include <gtest/gtest.h>

namespace rempart::http {
namespace {

TEST(Cookies, FindsANamedCookieAmongOthers) {
    EXPECT_EQ(cookie_value("a=1; lang=en; b=2", "lang"), "en");
    EXPECT_EQ(cookie_value("lang=\"fr\"", "lang"), "fr");
    EXPECT_EQ(cookie_value("xlang=en", "lang"), std::nullopt);
    EXPECT_EQ(cookie_value("", "lang"), std::nullopt);
    EXPECT_EQ(cookie_value("garbage;;=;lang", "lang"), std::nullopt);
}

TEST(Cookies, SetCookieCarriesItsAttributes) {
    CookieOptions options;
    options.max_age = std::chrono::seconds(3600);
    options.secure = true;
    EXPECT_EQ(set_cookie("lang", "en", options),
              "lang=en; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
}

}  // namespace
}  // namespace rempart::http
