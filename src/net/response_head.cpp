// Writes a response's status line and headers as bytes, with the headers every answer carries.
#include "net/response_head.hpp"

#include <boost/beast/http/status.hpp>

#include <charconv>

#include "http/security_headers.hpp"

namespace rempart::net {
namespace {

// The security headers never change: joined once, appended with one copy.
const std::string& security_block() {
    static const std::string block = [] {
        std::string text;
        for (const auto& [name, value] : http::security_headers)
            text.append(name).append(": ").append(value).append("\r\n");
        return text;
    }();
    return block;
}

void append_clean(std::string& out, std::string_view text) {
    for (const char c : text)
        if (c != '\r' && c != '\n' && c != '\0') out.push_back(c);
}

void append_header(std::string& out, std::string_view name, std::string_view value) {
    append_clean(out, name);
    out.append(": ");
    append_clean(out, value);
    out.append("\r\n");
}

void append_number(std::string& out, std::size_t value) {
    char digits[24];
    const auto [end, _] = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, end);
}

}  // namespace

void write_head(std::string& out, const http::Response& response, const HeadOptions& options) {
    out.append("HTTP/1.1 ");
    append_number(out, response.status);
    out.push_back(' ');
    const auto reason = boost::beast::http::obsolete_reason(
        static_cast<boost::beast::http::status>(response.status));
    out.append(reason.data(), reason.size());
    out.append("\r\n");
    append_header(out, "Date", options.date);
    append_header(out, "Content-Type", response.content_type);
    // 204 and 304 carry no body and no length.
    if (response.status != 204 && response.status != 304) {
        out.append("Content-Length: ");
        append_number(out, response.body.size());
        out.append("\r\n");
    }
    out.append(security_block());
    if (options.tls)
        append_header(out, "Strict-Transport-Security", http::strict_transport_security);
    if (!options.request_id.empty()) append_header(out, "X-Request-Id", options.request_id);
    for (const auto& [name, value] : response.headers) append_header(out, name, value);
    if (!options.keep_alive)
        out.append("Connection: close\r\n");
    else if (options.http_1_0)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
}

}  // namespace rempart::net
