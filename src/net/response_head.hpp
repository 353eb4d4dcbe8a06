// Writes a response's status line and headers as bytes, with the headers every answer carries.
#pragma once

#include <string>
#include <string_view>

#include "http/response.hpp"

namespace rempart::net {

struct HeadOptions {
    std::string_view request_id;  // empty: no X-Request-Id
    std::string_view date;        // the Date header's value
    bool keep_alive = true;
    bool http_1_0 = false;  // an HTTP/1.0 client must be told keep-alive explicitly
    bool tls = false;       // adds Strict-Transport-Security
};

// Appends "HTTP/1.1 <status> <reason>\r\n", the common headers (Date, Content-Type,
// Content-Length, the security headers), the response's own headers and the blank line.
// CR, LF and NUL never reach the wire from a header name or value, so no handler can
// split a response by mistake.
void write_head(std::string& out, const http::Response& response, const HeadOptions& options);

}  // namespace rempart::net
