// A blocking HTTP/1.1 client for tests and tools: whole requests, or raw bytes on a connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rempart::testing {

struct HttpResponse {
    unsigned status = 0;                         // 0: no answer (refused, timed out, not HTTP)
    std::map<std::string, std::string> headers;  // lowercase names; repeated ones joined by ", "
    std::string body;                            // without chunked framing
    // The value of a header by case-insensitive name; empty when absent.
    std::string header(std::string_view name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request on a fresh connection to 127.0.0.1:`port` with `Connection: close`; Host,
// Content-Length (for a body or a POST) and Connection are added unless `headers` has them.
// Status 0 when the server did not answer within `timeout`.
// `source`, when given, is the loopback address to connect from (127.0.0.2, ...), so the
// server counts the request as another client's.
HttpResponse http_request(std::uint16_t port, std::string method, std::string target,
                          std::string body, Headers headers, const std::string& source = "",
                          std::chrono::milliseconds timeout = std::chrono::seconds(10));
HttpResponse http_get(std::uint16_t port, std::string target, Headers headers = {},
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A connection that sends exactly the bytes it is given, for limits and malformed input.
// Every operation is bounded by a timeout; none can hang a test.
class RawConnection {
  public:
    // Connects to 127.0.0.1:`port` (5 s at most), from `source` when given (an address of
    // 127.0.0.0/8); a failed connection acts as closed.
    explicit RawConnection(std::uint16_t port, const std::string& source = "");
    ~RawConnection();
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // False when the server has closed or reset the connection, or has not taken the bytes
    // within `timeout` (it stopped reading).
    bool send(std::string_view bytes,
              std::chrono::milliseconds timeout = std::chrono::milliseconds(10000));
    // The next response, read from a buffer kept across calls so pipelined answers come
    // one by one; `head` for the answer to a HEAD request (no body follows). Nothing when
    // no whole response arrived within `timeout` or the bytes are not HTTP.
    std::optional<HttpResponse> read_response(std::chrono::milliseconds timeout, bool head = false);
    // True when the server closes (or resets) the connection within `timeout`; bytes that
    // arrive meanwhile are discarded.
    bool closed_by_peer(std::chrono::milliseconds timeout);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rempart::testing
