// The flood's kept-alive connection, with Beast's parser and Asio's coroutines.
#include "flood_connection.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <charconv>

namespace rempart::attack {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using boost::system::error_code;
constexpr auto tuple_awaitable = asio::as_tuple(asio::use_awaitable);

constexpr std::string_view clearance_cookie = "rempart_clearance=";

// The first `rempart_clearance=` of a Set-Cookie value, up to its attributes.
std::string clearance_of(std::string_view set_cookie) {
    if (!set_cookie.starts_with(clearance_cookie)) return {};
    const auto value = set_cookie.substr(clearance_cookie.size());
    return std::string(value.substr(0, value.find(';')));
}

std::chrono::seconds seconds_of(std::string_view text) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} ? std::chrono::seconds(value) : std::chrono::seconds(0);
}

// The ordinary ways a kept connection turns out closed when it is used again.
bool closed_while_idle(const error_code& ec) {
    return ec == http::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

}  // namespace

struct FloodConnection::Impl {
    Impl(asio::any_io_executor executor, std::uint16_t port, std::uint32_t source)
        : stream(executor), server(asio::ip::make_address_v4("127.0.0.1"), port), source(source) {}

    asio::awaitable<error_code> connect(std::chrono::milliseconds timeout) {
        error_code ec;
        auto& socket = stream.socket();
        socket.open(asio::ip::tcp::v4(), ec);
        if (!ec && source != 0) socket.bind({asio::ip::address_v4(source), 0}, ec);
        if (ec) {
            stream.close();
            co_return ec;
        }
        stream.expires_after(timeout);
        auto [connect_ec] = co_await stream.async_connect(server, tuple_awaitable);
        if (connect_ec) {
            stream.close();
            co_return connect_ec;
        }
        socket.set_option(asio::ip::tcp::no_delay(true), ec);
        open = true;
        buffer.clear();
        ++opened;
        co_return error_code{};
    }

    void close() {
        open = false;
        error_code ignored;
        stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
        stream.close();
        buffer.clear();
    }

    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    asio::ip::tcp::endpoint server;
    std::uint32_t source;
    bool open = false;
    std::uint64_t opened = 0;
};

FloodConnection::FloodConnection(asio::any_io_executor executor, std::uint16_t port,
                                 std::uint32_t source)
    : impl_(std::make_unique<Impl>(std::move(executor), port, source)) {}

FloodConnection::~FloodConnection() = default;

bool FloodConnection::is_open() const {
    return impl_->open;
}

void FloodConnection::close() {
    impl_->close();
}

std::uint64_t FloodConnection::opened() const {
    return impl_->opened;
}

asio::awaitable<FloodAnswer> FloodConnection::exchange(std::string_view request,
                                                       std::chrono::milliseconds timeout,
                                                       bool keep_body) {
    auto& impl = *impl_;
    FloodAnswer answer;
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = impl.open;
        if (!impl.open) {
            const auto ec = co_await impl.connect(timeout);
            if (ec) {
                answer.timed_out = ec == beast::error::timeout;
                co_return answer;
            }
        }
        impl.stream.expires_after(timeout);
        auto [write_ec, written] =
            co_await asio::async_write(impl.stream, asio::buffer(request), tuple_awaitable);
        if (write_ec) {
            impl.close();
            if (reused && closed_while_idle(write_ec)) continue;
            answer.timed_out = write_ec == beast::error::timeout;
            co_return answer;
        }
        http::response_parser<http::string_body> parser;
        parser.header_limit(64 * 1024);
        parser.body_limit(16 * 1024 * 1024);
        auto [read_ec, read] =
            co_await http::async_read(impl.stream, impl.buffer, parser, tuple_awaitable);
        if (read_ec) {
            impl.close();
            // Closed before a byte of the answer: the server had ended the idle connection.
            if (reused && read == 0 && closed_while_idle(read_ec)) continue;
            answer.timed_out = read_ec == beast::error::timeout;
            co_return answer;
        }
        impl.stream.expires_never();
        auto& message = parser.get();
        answer.status = message.result_int();
        answer.gate = message["X-Rempart-Gate"] == "challenge";
        answer.retry_after = seconds_of(message[http::field::retry_after]);
        answer.location = std::string(message[http::field::location]);
        const auto [first, last] = message.equal_range(http::field::set_cookie);
        for (auto field = first; field != last; ++field) {
            auto value = clearance_of(field->value());
            if (!value.empty()) answer.clearance = std::move(value);
        }
        if (keep_body) answer.body = std::move(message.body());
        if (!message.keep_alive()) impl.close();
        co_return answer;
    }
    co_return answer;
}

}  // namespace rempart::attack
