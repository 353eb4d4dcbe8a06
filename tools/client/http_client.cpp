// A blocking HTTP/1.1 client for tests and tools: whole requests, or raw bytes on a connection.
#include "client/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cctype>
#include <limits>

namespace rempart::testing {
namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

HttpResponse to_response(http::response<http::string_body>&& message) {
    HttpResponse response;
    response.status = message.result_int();
    for (const auto& field : message) {
        auto& slot = response.headers[lowercase(field.name_string())];
        if (!slot.empty()) slot += ", ";
        slot += std::string(field.value());
    }
    response.body = std::move(message.body());
    return response;
}

std::chrono::milliseconds left_until(Clock::time_point deadline) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
}

}  // namespace

// Each operation is asynchronous under the hood so that a deadline can cancel it: the
// io_context runs until the operation completes or the time is up, then the socket's
// pending operation is cancelled and its handler drained.
struct RawConnection::Impl {
    asio::io_context context;
    asio::ip::tcp::socket socket{context};
    boost::beast::flat_buffer buffer;
    bool closed = false;  // the peer closed or reset, or we never connected

    template <class Start>
    error_code run(std::chrono::milliseconds timeout, Start start) {
        bool done = false;
        error_code result;
        context.restart();
        start([&](error_code ec, auto&&...) {
            done = true;
            result = ec;
        });
        context.run_for(std::max(timeout, std::chrono::milliseconds(0)));
        if (!done) {
            error_code ignored;
            socket.cancel(ignored);
            context.restart();
            context.run();
            // The operation may have completed just as the time ran out: keep its result,
            // or bytes it read would be lost.
            if (result == asio::error::operation_aborted) return asio::error::timed_out;
        }
        return result;
    }

    // Reads what arrives within `timeout`: false on timeout; true on data or on the close.
    bool read_some(std::chrono::milliseconds timeout) {
        std::size_t received = 0;
        const auto ec = run(timeout, [&](auto handler) {
            socket.async_read_some(buffer.prepare(64 * 1024),
                                   [&, handler](error_code ec, std::size_t n) mutable {
                                       received = n;
                                       handler(ec);
                                   });
        });
        if (ec == asio::error::timed_out) return false;
        buffer.commit(received);
        if (ec) closed = true;  // end of stream, reset, or anything else: nothing more comes
        return true;
    }
};

std::string HttpResponse::header(std::string_view name) const {
    const auto it = headers.find(lowercase(name));
    return it == headers.end() ? std::string() : it->second;
}

RawConnection::RawConnection(std::uint16_t port, const std::string& source)
    : impl_(std::make_unique<Impl>()) {
    const asio::ip::tcp::endpoint server(asio::ip::address_v4::loopback(), port);
    if (!source.empty()) {
        // Any address of 127.0.0.0/8 is this host's: the server sees another client.
        error_code ec;
        impl_->socket.open(asio::ip::tcp::v4(), ec);
        if (!ec) impl_->socket.bind({asio::ip::make_address(source, ec), 0}, ec);
        if (ec) {
            impl_->closed = true;
            return;
        }
    }
    const auto ec = impl_->run(std::chrono::seconds(5),
                               [&](auto handler) { impl_->socket.async_connect(server, handler); });
    if (ec) {
        impl_->closed = true;
        return;
    }
    error_code ignored;
    impl_->socket.set_option(asio::ip::tcp::no_delay(true), ignored);
}

RawConnection::~RawConnection() = default;

bool RawConnection::send(std::string_view bytes, std::chrono::milliseconds timeout) {
    if (!impl_->socket.is_open()) return false;
    const auto ec = impl_->run(timeout, [&](auto handler) {
        asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()), handler);
    });
    return !ec;
}

std::optional<HttpResponse> RawConnection::read_response(std::chrono::milliseconds timeout,
                                                         bool head) {
    const auto deadline = Clock::now() + timeout;
    http::response_parser<http::string_body> parser;
    parser.eager(true);
    parser.skip(head);
    parser.header_limit(1024 * 1024);
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    for (;;) {
        if (impl_->buffer.size() > 0) {
            error_code ec;
            const auto used = parser.put(impl_->buffer.data(), ec);
            impl_->buffer.consume(used);
            if (parser.is_done()) return to_response(parser.release());
            if (ec && ec != http::error::need_more) return std::nullopt;  // not HTTP
            if (!ec && used > 0) continue;  // the parser stopped at a boundary: go on
        }
        if (impl_->closed) {
            // A body without a length ends with the connection. Beast would also complete a
            // parser that got nothing at all, as an empty "200 OK": that is no answer.
            if (!parser.got_some()) return std::nullopt;
            error_code ec;
            parser.put_eof(ec);
            if (!ec && parser.is_done()) return to_response(parser.release());
            return std::nullopt;
        }
        const auto left = left_until(deadline);
        if (left.count() <= 0 || !impl_->read_some(left)) return std::nullopt;
    }
}

bool RawConnection::closed_by_peer(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (!impl_->closed) {
        const auto left = left_until(deadline);
        if (left.count() <= 0 || !impl_->read_some(left)) return false;
        impl_->buffer.consume(impl_->buffer.size());
    }
    return true;
}

HttpResponse http_request(std::uint16_t port, std::string method, std::string target,
                          std::string body, Headers headers, const std::string& source,
                          std::chrono::milliseconds timeout) {
    const auto given = [&](std::string_view name) {
        for (const auto& [key, value] : headers)
            if (lowercase(key) == name) return true;
        return false;
    };
    std::string request = method + " " + target + " HTTP/1.1\r\n";
    if (!given("host")) request += "Host: 127.0.0.1:" + std::to_string(port) + "\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    if ((!body.empty() || method == "POST" || method == "PUT") && !given("content-length") &&
        !given("transfer-encoding"))
        request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    if (!given("connection")) request += "Connection: close\r\n";
    request += "\r\n" + body;

    const auto deadline = Clock::now() + timeout;
    RawConnection connection(port, source);
    // A refused send still reads: the server may have answered (413) before closing.
    connection.send(request, left_until(deadline));
    auto response = connection.read_response(left_until(deadline), method == "HEAD");
    return response.value_or(HttpResponse{});
}

HttpResponse http_get(std::uint16_t port, std::string target, Headers headers,
                      std::chrono::milliseconds timeout) {
    return http_request(port, "GET", std::move(target), "", std::move(headers), "", timeout);
}

}  // namespace rempart::testing
