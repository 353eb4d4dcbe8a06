// Tests for http/request_origin: which header combinations show a request from this site.
#include "http/request_origin.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "support/header_map.hpp"

namespace rempart::http {
namespace {

using Fields = testing::HeaderMap;

constexpr std::string_view base = "https://petitions.example.org";

OriginVerdict verdict(const Fields& fields, std::string_view base_url = base) {
    return check_request_origin(testing::header_view(fields), base_url);
}

OriginVerdict from_origin(std::string origin, std::string_view base_url = base) {
    return verdict({{"Origin", std::move(origin)}}, base_url);
}

TEST(RequestOrigin, OurOwnOriginIsThisSite) {
    EXPECT_EQ(from_origin("https://petitions.example.org"), OriginVerdict::same_site);
}

TEST(RequestOrigin, AnotherSitesOriginIsForeign) {
    EXPECT_EQ(from_origin("https://evil.example"), OriginVerdict::foreign_origin);
    // A look-alike that merely starts or ends like ours.
    EXPECT_EQ(from_origin("https://petitions.example.org.evil.example"),
              OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("https://evilpetitions.example.org"), OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("https://example.org"), OriginVerdict::foreign_origin);
}

TEST(RequestOrigin, OriginNullFromASandboxedFrameIsRefused) {
    EXPECT_EQ(from_origin("null"), OriginVerdict::null_origin);
    EXPECT_EQ(from_origin("NULL"), OriginVerdict::null_origin);
    // Whatever else the browser says, an Origin of null is not ours.
    EXPECT_EQ(verdict({{"Origin", "null"}, {"Sec-Fetch-Site", "same-origin"}}),
              OriginVerdict::null_origin);
    EXPECT_TRUE(refuses(OriginVerdict::null_origin));
}

TEST(RequestOrigin, SchemeHostAndPortMustAllMatch) {
    EXPECT_EQ(from_origin("http://petitions.example.org"), OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("https://petitions.example.org:8443"), OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("https://other.example.org"), OriginVerdict::foreign_origin);
}

TEST(RequestOrigin, DefaultPortsAndTheCaseOfTheHostDoNotMatter) {
    EXPECT_EQ(from_origin("https://petitions.example.org:443"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("https://Petitions.EXAMPLE.org"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("HTTPS://petitions.example.org"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://localhost", "http://localhost:80"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://localhost:80", "http://LOCALHOST"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://localhost:443", "https://localhost"),
              OriginVerdict::foreign_origin);
}

TEST(RequestOrigin, TheBaseUrlsPathAndTrailingSlashPlayNoPart) {
    EXPECT_EQ(from_origin("https://petitions.example.org", "https://petitions.example.org/"),
              OriginVerdict::same_site);
    EXPECT_EQ(from_origin("https://petitions.example.org", "https://petitions.example.org/app"),
              OriginVerdict::same_site);
}

TEST(RequestOrigin, AddressesAsHostsAndTheirPorts) {
    EXPECT_EQ(from_origin("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
              OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://127.0.0.1:8081", "http://127.0.0.1:8080"),
              OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("http://127.0.0.1", "http://127.0.0.1:8080"),
              OriginVerdict::foreign_origin);
    EXPECT_EQ(from_origin("http://[::1]:8080", "http://[::1]:8080"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://[::1]", "http://[::1]:80"), OriginVerdict::same_site);
    EXPECT_EQ(from_origin("http://[::2]:8080", "http://[::1]:8080"), OriginVerdict::foreign_origin);
}

TEST(RequestOrigin, AnOriginThatIsNotAnOriginIsForeign) {
    for (const auto* text :
         {"petitions.example.org", "https://petitions.example.org/",
          "https://petitions.example.org/sign", "https://user@petitions.example.org",
          "https://petitions.example.org:0", "https://petitions.example.org:65536",
          "https://petitions.example.org:44x", "ftp://petitions.example.org", "https://",
          "https://[::1", "file://", "https://a:b:c", "chrome-extension://abc"})
        EXPECT_EQ(from_origin(text), OriginVerdict::foreign_origin) << text;
}

TEST(RequestOrigin, WithoutOriginSecFetchSiteDecides) {
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "cross-site"}}), OriginVerdict::cross_site_fetch);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "same-origin"}}), OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "same-site"}}), OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "none"}}), OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "Cross-Site"}}), OriginVerdict::cross_site_fetch);
}

TEST(RequestOrigin, SecFetchSiteComesBeforeTheReferer) {
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "cross-site"},
                       {"Referer", "https://petitions.example.org/petitions/x"}}),
              OriginVerdict::cross_site_fetch);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "same-origin"}, {"Referer", "https://evil.example/"}}),
              OriginVerdict::same_site);
}

TEST(RequestOrigin, OriginComesBeforeEverythingElse) {
    EXPECT_EQ(verdict({{"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "same-origin"}}),
              OriginVerdict::foreign_origin);
    EXPECT_EQ(verdict({{"Origin", "https://evil.example"},
                       {"Referer", "https://petitions.example.org/petitions/x"}}),
              OriginVerdict::foreign_origin);
    EXPECT_EQ(verdict({{"Origin", "https://petitions.example.org"},
                       {"Referer", "https://evil.example/"}}),
              OriginVerdict::same_site);
}

TEST(RequestOrigin, AnUnknownSecFetchSiteSaysNothing) {
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "sideways"}}), OriginVerdict::no_evidence);
    EXPECT_EQ(verdict({{"Sec-Fetch-Site", "sideways"}, {"Referer", "https://evil.example/"}}),
              OriginVerdict::foreign_referer);
}

TEST(RequestOrigin, TheRefererAloneDecidesLast) {
    EXPECT_EQ(verdict({{"Referer", "https://petitions.example.org/petitions/x?y=1#z"}}),
              OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Referer", "https://PETITIONS.example.org:443/"}}),
              OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Referer", "https://petitions.example.org"}}), OriginVerdict::same_site);
    EXPECT_EQ(verdict({{"Referer", "https://evil.example/petitions.example.org"}}),
              OriginVerdict::foreign_referer);
    EXPECT_EQ(verdict({{"Referer", "https://petitions.example.org.evil.example/"}}),
              OriginVerdict::foreign_referer);
    EXPECT_EQ(verdict({{"Referer", "http://petitions.example.org/"}}),
              OriginVerdict::foreign_referer);
    EXPECT_EQ(verdict({{"Referer", "https://user@petitions.example.org/"}}),
              OriginVerdict::foreign_referer);
    EXPECT_EQ(verdict({{"Referer", "not a url"}}), OriginVerdict::foreign_referer);
}

TEST(RequestOrigin, NoneOfTheThreeIsNoEvidenceAndLetThrough) {
    EXPECT_EQ(verdict({}), OriginVerdict::no_evidence);
    EXPECT_EQ(verdict({{"Origin", ""}, {"Sec-Fetch-Site", ""}, {"Referer", "  "}}),
              OriginVerdict::no_evidence);
    EXPECT_EQ(verdict({{"User-Agent", "curl/8.0"}}), OriginVerdict::no_evidence);
    EXPECT_FALSE(refuses(OriginVerdict::no_evidence));
    EXPECT_FALSE(refuses(OriginVerdict::same_site));
}

TEST(RequestOrigin, WhatRefusesAndWhatIsChecked) {
    EXPECT_TRUE(refuses(OriginVerdict::foreign_origin));
    EXPECT_TRUE(refuses(OriginVerdict::cross_site_fetch));
    EXPECT_TRUE(refuses(OriginVerdict::foreign_referer));
    EXPECT_FALSE(changes_state(Method::get));
    EXPECT_FALSE(changes_state(Method::head));
    EXPECT_FALSE(changes_state(Method::options));
    for (const auto method :
         {Method::post, Method::put, Method::patch, Method::delete_, Method::other})
        EXPECT_TRUE(changes_state(method)) << to_string(method);
}

TEST(RequestOrigin, EveryVerdictHasItsOwnName) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < origin_verdict_count; ++i)
        names.insert(to_string(static_cast<OriginVerdict>(i)));
    EXPECT_EQ(names.size(), origin_verdict_count);
    EXPECT_FALSE(names.contains("unknown"));
}

}  // namespace
}  // namespace rempart::http
