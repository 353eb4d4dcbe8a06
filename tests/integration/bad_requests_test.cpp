// Malformed requests, unknown routes and traversal attempts get clear errors, never a crash.
#include <gtest/gtest.h>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

class BadRequests : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new ServerProcess();
        server_->start();
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    static unsigned raw_status(std::string bytes) {
        RawConnection c(server_->port());
        c.send(bytes);
        const auto response = c.read_response(5s);
        return response ? response->status : 0;
    }
    static ServerProcess* server_;
};
ServerProcess* BadRequests::server_ = nullptr;

TEST_F(BadRequests, GarbageIs400) {
    EXPECT_EQ(raw_status("GARBAGE\r\n\r\n"), 400u);
    EXPECT_EQ(raw_status("GET / HTTP/9.9\r\n\r\n"), 400u);
    EXPECT_EQ(raw_status("GET / HTTP/1.1\r\nBad Header\r\n\r\n"), 400u);
    EXPECT_EQ(raw_status("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"), 400u);
}

TEST_F(BadRequests, InvalidUtf8InThePathIs400) {
    EXPECT_EQ(raw_status("GET /petitions/%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n"), 400u);
    EXPECT_EQ(raw_status("GET /petitions/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"), 400u);
}

TEST_F(BadRequests, UnknownRouteIsA404PageInFrenchByDefault) {
    const auto response = http_get(server_->port(), "/nowhere");
    EXPECT_EQ(response.status, 404u);
    EXPECT_NE(response.header("content-type").find("text/html"), std::string::npos);
    EXPECT_NE(response.body.find("lang=\"fr\""), std::string::npos);
    EXPECT_FALSE(response.header("content-security-policy").empty());
}

TEST_F(BadRequests, UnknownRouteIsA404PageInEnglishWhenAsked) {
    const auto response =
        http_get(server_->port(), "/nowhere", {{"Accept-Language", "en-GB,en;q=0.9"}});
    EXPECT_EQ(response.status, 404u);
    EXPECT_NE(response.body.find("lang=\"en\""), std::string::npos);
}

TEST_F(BadRequests, WrongMethodIs405WithAllow) {
    const auto response = http_request(server_->port(), "DELETE", "/api/petitions", "", {});
    EXPECT_EQ(response.status, 405u);
    EXPECT_EQ(response.header("allow"), "GET, HEAD");
}

TEST_F(BadRequests, TraversalOnStaticFilesNeverLeavesTheAssets) {
    for (const char* target :
         {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt",
          "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/static/..%2fCMakeLists.txt",
          "/static//etc/passwd", "/static/pico.min.css", "/static/"}) {
        const auto response = http_get(server_->port(), target);
        EXPECT_TRUE(response.status == 400u || response.status == 404u) << target;
        EXPECT_EQ(response.body.find("cmake_minimum_required"), std::string::npos) << target;
        EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
    }
}

TEST_F(BadRequests, ApiErrorsAreJson) {
    const auto response = http_get(server_->port(), "/api/petitions/no-such-petition");
    EXPECT_EQ(response.status, 404u);
    EXPECT_EQ(response.header("content-type"), "application/json");
    EXPECT_NE(response.body.find("\"error\""), std::string::npos);
}

TEST_F(BadRequests, EveryResponseCarriesTheSecurityHeaders) {
    for (const char* target : {"/", "/nowhere", "/api/petitions", "/healthz"}) {
        const auto response = http_get(server_->port(), target);
        const auto csp = response.header("content-security-policy");
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << target;
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << target;
        EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << target;
        EXPECT_NE(csp.find("form-action 'self'"), std::string::npos) << target;
        EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << target;
        EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << target;
        EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << target;
        EXPECT_FALSE(response.header("referrer-policy").empty()) << target;
        EXPECT_FALSE(response.header("permissions-policy").empty()) << target;
        EXPECT_EQ(response.header("cross-origin-opener-policy"), "same-origin") << target;
        EXPECT_TRUE(response.header("access-control-allow-origin").empty()) << target;
        EXPECT_TRUE(response.header("strict-transport-security").empty()) << target;
    }
}

TEST_F(BadRequests, HeadAnswersLikeGetWithoutABody) {
    RawConnection c(server_->port());
    c.send("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto head = c.read_response(5s, /*head=*/true);
    ASSERT_TRUE(head);
    EXPECT_EQ(head->status, 200u);
    EXPECT_EQ(head->header("content-length"), "3");
    EXPECT_TRUE(head->body.empty());
    const auto get = c.read_response(5s);
    ASSERT_TRUE(get);
    EXPECT_EQ(get->body, "ok\n");
}

}  // namespace
}  // namespace rempart::testing
