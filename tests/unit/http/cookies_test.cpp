// Tests for http/cookies: reading a Cookie header, writing Set-Cookie under the site's policy.
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

// The policy of a site at `base_url`, serving TLS itself when it has a certificate.
CookiePolicy server(std::string base_url, std::string tls_cert = "") {
    return CookiePolicy(base_url, !tls_cert.empty());
}

TEST(Cookies, SetCookieCarriesItsAttributes) {
    CookieOptions options;
    options.max_age = std::chrono::seconds(3600);
    const CookiePolicy https(server("https://petitions.example.org"));
    EXPECT_EQ(https.set_cookie("lang", "en", options),
              "lang=en; Path=/; Max-Age=3600; HttpOnly; Secure; SameSite=Lax");
    options.http_only = false;
    options.same_site = "Strict";
    options.max_age = std::chrono::seconds(0);
    const CookiePolicy http(server("http://127.0.0.1:8080"));
    EXPECT_EQ(http.set_cookie("lang", "en", options), "lang=en; Path=/; SameSite=Strict");
}

TEST(Cookies, EveryCookieIsSecureWhenBrowsersComeOverHttps) {
    EXPECT_TRUE(CookiePolicy(server("https://petitions.example.org")).secure());
    EXPECT_TRUE(CookiePolicy(server("http://127.0.0.1:8443", "cert.pem")).secure());
    EXPECT_FALSE(CookiePolicy(server("http://127.0.0.1:8080")).secure());
    EXPECT_FALSE(CookiePolicy(server("http://https.example.org")).secure());
}

TEST(Cookies, ClearingKeepsTheAttributesSoTheBrowserMatchesTheCookie) {
    CookieOptions options;
    options.max_age = std::chrono::seconds(3600);  // never sent: the cookie goes at once
    options.same_site = "Strict";
    EXPECT_EQ(CookiePolicy(server("https://petitions.example.org")).clear_cookie("a", options),
              "a=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
    EXPECT_EQ(CookiePolicy(server("http://127.0.0.1:8080")).clear_cookie("a", options),
              "a=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
}

}  // namespace
}  // namespace rempart::http
