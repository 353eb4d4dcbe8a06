// The server's limits, each checked one step past, against the real `rempart serve`.
#include <gtest/gtest.h>

#include <thread>

#include "client/http_client.hpp"
#include "support/server_process.hpp"

namespace rempart::testing {
namespace {

using namespace std::chrono_literals;

std::string get_request(std::string_view target, std::string_view extra_headers = "") {
    return "GET " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           std::string(extra_headers) + "\r\n";
}

class HttpLimits : public ::testing::Test {
  protected:
    void start(std::string extra_config = "") {
        server_ = std::make_unique<ServerProcess>(extra_config);
        server_->start();
    }
    std::unique_ptr<ServerProcess> server_;
};

TEST_F(HttpLimits, HeaderJustUnderTheLimitIsServed) {
    start("[limits]\nheader_bytes = 4096\n");
    RawConnection c(server_->port());
    c.send(get_request("/healthz", "X-Pad: " + std::string(3500, 'a') + "\r\n"));
    const auto response = c.read_response(5s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200u);
}

TEST_F(HttpLimits, HeaderPastTheLimitGets431AndTheConnectionCloses) {
    start("[limits]\nheader_bytes = 4096\n");
    RawConnection c(server_->port());
    c.send(get_request("/healthz", "X-Pad: " + std::string(4200, 'a') + "\r\n"));
    const auto response = c.read_response(5s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 431u);
    EXPECT_FALSE(response->header("content-security-policy").empty());
    EXPECT_TRUE(c.closed_by_peer(5s));
}

TEST_F(HttpLimits, BodyAtTheLimitIsReadAndPastItGets413) {
    start("[limits]\nbody_bytes = 1000\n");
    {
        RawConnection c(server_->port());
        c.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" +
               std::string(1000, 'a'));
        const auto response = c.read_response(5s);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 405u);  // read whole, then refused by the router
    }
    {
        RawConnection c(server_->port());
        c.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" +
               std::string(1001, 'a'));
        const auto response = c.read_response(5s);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, 413u);
        EXPECT_TRUE(c.closed_by_peer(5s));
    }
}

TEST_F(HttpLimits, ChunkedBodyPastTheLimitGets413) {
    start("[limits]\nbody_bytes = 1000\n");
    RawConnection c(server_->port());
    c.send(
        "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3e9\r\n" +
        std::string(1001, 'a') + "\r\n0\r\n\r\n");
    const auto response = c.read_response(5s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 413u);
}

TEST_F(HttpLimits, SlowHeaderIsCutAtTheHeaderTimeoutEvenWhenItTrickles) {
    start("[limits]\nheader_timeout_s = 1\n");
    RawConnection c(server_->port());
    const auto started = std::chrono::steady_clock::now();
    // One byte every 200 ms never completes the header: the deadline is not extended.
    const std::string partial = "GET /healthz HTTP/1.1\r\nX-Slow: ";
    bool closed = false;
    for (int i = 0; i < 20 && !closed; ++i) {
        c.send(i == 0 ? partial : std::string("a"));
        closed = c.closed_by_peer(200ms);
    }
    EXPECT_TRUE(closed);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 3500ms);
}

TEST_F(HttpLimits, SlowBodyIsCutAtTheBodyTimeout) {
    start("[limits]\nbody_timeout_s = 1\n");
    RawConnection c(server_->port());
    c.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    EXPECT_TRUE(c.closed_by_peer(4s));
}

TEST_F(HttpLimits, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
    start("[limits]\nidle_timeout_s = 1\n");
    RawConnection c(server_->port());
    c.send(get_request("/healthz"));
    const auto response = c.read_response(5s);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200u);
    EXPECT_FALSE(c.closed_by_peer(300ms));
    EXPECT_TRUE(c.closed_by_peer(4s));
}

TEST_F(HttpLimits, ConnectionsPerIpPastTheCapGet429) {
    start("[limits]\nmax_connections_per_ip = 3\n");
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<RawConnection>(server_->port()));
        held.back()->send(get_request("/healthz"));
        ASSERT_TRUE(held.back()->read_response(5s));  // accepted and served
    }
    RawConnection fourth(server_->port());
    const auto refused = fourth.read_response(5s);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 429u);
    EXPECT_FALSE(refused->header("retry-after").empty());
    held.pop_back();  // one leaves: room for another
    std::this_thread::sleep_for(300ms);
    RawConnection again(server_->port());
    again.send(get_request("/healthz"));
    const auto served = again.read_response(5s);
    ASSERT_TRUE(served);
    EXPECT_EQ(served->status, 200u);
}

TEST_F(HttpLimits, ConnectionsPastTheGlobalCapGet503) {
    start("[limits]\nmax_connections = 2\n");
    RawConnection a(server_->port());
    a.send(get_request("/healthz"));
    ASSERT_TRUE(a.read_response(5s));
    RawConnection b(server_->port());
    b.send(get_request("/healthz"));
    ASSERT_TRUE(b.read_response(5s));
    RawConnection c(server_->port());
    const auto refused = c.read_response(5s);
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503u);
}

TEST_F(HttpLimits, RequestsPerConnectionEndWithConnectionClose) {
    start("[limits]\nmax_requests_per_connection = 2\n");
    RawConnection c(server_->port());
    c.send(get_request("/healthz") + get_request("/healthz") + get_request("/healthz"));
    const auto first = c.read_response(5s);
    const auto second = c.read_response(5s);
    ASSERT_TRUE(first && second);
    EXPECT_NE(first->header("connection"), "close");
    EXPECT_EQ(second->header("connection"), "close");
    EXPECT_TRUE(c.closed_by_peer(5s));
}

TEST_F(HttpLimits, PipelinedRequestsAreAnsweredInOrder) {
    start();
    RawConnection c(server_->port());
    c.send(get_request("/healthz") + get_request("/api/petitions") + get_request("/nowhere") +
           get_request("/healthz"));
    const unsigned expected[] = {200, 200, 404, 200};
    for (const unsigned status : expected) {
        const auto response = c.read_response(5s);
        ASSERT_TRUE(response);
        EXPECT_EQ(response->status, status);
    }
}

TEST_F(HttpLimits, ServerKeepsServingAfterAbuse) {
    start("[limits]\nheader_bytes = 2048\n");
    for (int i = 0; i < 5; ++i) {
        RawConnection c(server_->port());
        c.send("\x16\x03\x01 not http at all\r\n\r\n");
        c.closed_by_peer(2s);
    }
    const auto response = http_get(server_->port(), "/healthz");
    EXPECT_EQ(response.status, 200u);
    EXPECT_EQ(response.body, "ok\n");
}

TEST_F(HttpLimits, LimitHitsAreCountedInMetrics) {
    start("[limits]\nheader_bytes = 2048\n");
    RawConnection c(server_->port());
    c.send(get_request("/healthz", "X-Pad: " + std::string(3000, 'a') + "\r\n"));
    ASSERT_TRUE(c.read_response(5s));
    const auto metrics = http_get(server_->port(), "/metrics");
    EXPECT_NE(metrics.body.find("rempart_limits_hit_total{kind=\"header_bytes\"} 1"),
              std::string::npos);
}

}  // namespace
}  // namespace rempart::testing
