// A blocking HTTP/1.1 client for tests: whole requests, or raw bytes on a kept connection.
#include "support/http_client.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <unistd.h>

#include <boost/beast/core/flat_buffer.hpp>

#include <cctype>
#include <cerrno>

namespace rempart::testing {

struct RawConnection::Impl {
    int fd = -1;
    boost::beast::flat_buffer buffer;
    bool eof = false;

    // Reads what is available within `timeout`; false on timeout, true on data or EOF.
    bool fill(std::chrono::milliseconds timeout) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
        auto space = buffer.prepare(64 * 1024);
        const auto n = ::recv(fd, space.data(), space.size(), 0);
        if (n <= 0) {
            eof = true;
            return true;
        }
        buffer.commit(static_cast<std::size_t>(n));
        return true;
    }
};

std::string HttpResponse::header(std::string_view name) const {
    std::string lower(name);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto it = headers.find(lower);
    return it == headers.end() ? std::string() : it->second;
}

RawConnection::RawConnection(std::uint16_t port) : impl_(std::make_unique<Impl>()) {
    impl_->fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(impl_->fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        impl_->eof = true;
    int one = 1;
    ::setsockopt(impl_->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

RawConnection::~RawConnection() {
    if (impl_->fd >= 0) ::close(impl_->fd);
}

bool RawConnection::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const auto n = ::send(impl_->fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// Parses one response from the front of `data`: returns the bytes it used, 0 when more
// bytes are needed, or npos when the bytes are not HTTP. `eof` ends a body without length.
std::size_t parse_response(std::string_view data, bool head, bool eof, HttpResponse& out) {
    const auto header_end = data.find("\r\n\r\n");
    if (header_end == std::string_view::npos) return 0;
    const auto head_text = data.substr(0, header_end);
    const auto first_line_end = head_text.find("\r\n");
    const auto status_line = head_text.substr(0, first_line_end);
    if (!status_line.starts_with("HTTP/1.") || status_line.size() < 12) return std::string_view::npos;
    HttpResponse response;
    response.status = static_cast<unsigned>(std::stoul(std::string(status_line.substr(9, 3))));
    std::size_t at = first_line_end == std::string_view::npos ? head_text.size() : first_line_end + 2;
    while (at < head_text.size()) {
        auto end = head_text.find("\r\n", at);
        if (end == std::string_view::npos) end = head_text.size();
        const auto line = head_text.substr(at, end - at);
        const auto colon = line.find(':');
        if (colon != std::string_view::npos) {
            std::string name(line.substr(0, colon));
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            auto value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            auto& slot = response.headers[name];
            if (!slot.empty()) slot += ", ";
            slot += std::string(value);
        }
        at = end + 2;
    }
    std::size_t used = header_end + 4;
    const bool no_body = head || response.status == 204 || response.status == 304 ||
                         response.status / 100 == 1;
    if (!no_body) {
        const auto length = response.header("content-length");
        if (response.header("transfer-encoding").find("chunked") != std::string::npos) {
            for (;;) {
                const auto size_end = data.find("\r\n", used);
                if (size_end == std::string_view::npos) return 0;
                const auto size = std::stoul(std::string(data.substr(used, size_end - used)), nullptr, 16);
                if (data.size() < size_end + 2 + size + 2) return 0;
                response.body += std::string(data.substr(size_end + 2, size));
                used = size_end + 2 + size + 2;
                if (size == 0) break;
            }
        } else if (!length.empty()) {
            const auto size = std::stoul(length);
            if (data.size() < used + size) return 0;
            response.body = std::string(data.substr(used, size));
            used += size;
        } else {
            if (!eof) return 0;
            response.body = std::string(data.substr(used));
            used = data.size();
        }
    }
    out = std::move(response);
    return used;
}

std::optional<HttpResponse> RawConnection::read_response(std::chrono::milliseconds timeout,
                                                         bool head) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        HttpResponse response;
        const std::string_view data(static_cast<const char*>(impl_->buffer.data().data()),
                                    impl_->buffer.size());
        const auto used = parse_response(data, head, impl_->eof, response);
        if (used == std::string_view::npos) return std::nullopt;
        if (used > 0) {
            impl_->buffer.consume(used);
            return response;
        }
        if (impl_->eof) return std::nullopt;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !impl_->fill(left)) return std::nullopt;
    }
}

bool RawConnection::closed_by_peer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!impl_->eof) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !impl_->fill(left)) return false;
        impl_->buffer.consume(impl_->buffer.size());
    }
    return true;
}

HttpResponse http_request(std::uint16_t port, std::string method, std::string target,
                          std::string body, Headers headers) {
    RawConnection connection(port);
    std::string request = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    if (!body.empty() || method == "POST")
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    request += "Connection: close\r\n\r\n" + body;
    connection.send(request);
    auto response = connection.read_response(std::chrono::seconds(10), method == "HEAD");
    return response.value_or(HttpResponse{});
}

HttpResponse http_get(std::uint16_t port, std::string target, Headers headers) {
    return http_request(port, "GET", std::move(target), "", std::move(headers));
}

}  // namespace rempart::testing
