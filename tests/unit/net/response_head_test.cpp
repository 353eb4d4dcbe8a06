// Tests for net/response_head: the bytes of a response's head.
#include "net/response_head.hpp"

#include <gtest/gtest.h>

namespace rempart::net {
namespace {

std::string head_of(const http::Response& response, HeadOptions options = {}) {
    if (options.date.empty()) options.date = "Wed, 25 Nov 2026 10:00:00 GMT";
    std::string out;
    write_head(out, response, options);
    return out;
}

TEST(ResponseHead, StartsWithTheStatusAndEndsWithABlankLine) {
    http::Response response;
    response.body = http::Body(std::string("hello"));
    const auto head = head_of(response, {.request_id = "abc"});
    EXPECT_TRUE(head.starts_with("HTTP/1.1 200 OK\r\n"));
    EXPECT_TRUE(head.ends_with("\r\n\r\n"));
    EXPECT_NE(head.find("Content-Length: 5\r\n"), std::string::npos);
    EXPECT_NE(head.find("Date: Wed, 25 Nov 2026 10:00:00 GMT\r\n"), std::string::npos);
    EXPECT_NE(head.find("X-Request-Id: abc\r\n"), std::string::npos);
    EXPECT_NE(head.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
    EXPECT_EQ(head.find("Connection:"), std::string::npos);  // keep-alive is HTTP/1.1's default
    EXPECT_EQ(head.find("Strict-Transport-Security"), std::string::npos);
}

TEST(ResponseHead, NotModifiedCarriesNoLength) {
    http::Response response;
    response.status = 304;
    const auto head = head_of(response);
    EXPECT_TRUE(head.starts_with("HTTP/1.1 304 Not Modified\r\n"));
    EXPECT_EQ(head.find("Content-Length"), std::string::npos);
}

TEST(ResponseHead, ConnectionHeaderFollowsKeepAliveAndVersion) {
    http::Response response;
    EXPECT_NE(head_of(response, {.keep_alive = false}).find("Connection: close\r\n"),
              std::string::npos);
    EXPECT_NE(head_of(response, {.keep_alive = true, .http_1_0 = true})
                  .find("Connection: keep-alive\r\n"),
              std::string::npos);
}

TEST(ResponseHead, HstsOnlyUnderTls) {
    http::Response response;
    EXPECT_NE(head_of(response, {.tls = true}).find("Strict-Transport-Security: max-age="),
              std::string::npos);
}

TEST(ResponseHead, HeaderValuesCannotSplitTheResponse) {
    http::Response response;
    response.set_header("Location", "/ok\r\nSet-Cookie: evil=1");
    const auto head = head_of(response);
    EXPECT_NE(head.find("Location: /okSet-Cookie: evil=1\r\n"), std::string::npos);
    EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
}

}  // namespace
}  // namespace rempart::net
