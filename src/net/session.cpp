// One client connection: reads requests within the limits and writes the answers in order.
#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "core/random.hpp"
#include "net/detail/http_date.hpp"
#include "net/detail/server_state.hpp"
#include "net/response_head.hpp"

namespace rempart::net {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

std::string_view lookup_field(const void* fields, std::string_view name) {
    const auto& f = *static_cast<const bhttp::fields*>(fields);
    const auto it = f.find(beast::string_view(name.data(), name.size()));
    if (it == f.end()) return {};
    const auto value = it->value();
    return {value.data(), value.size()};
}

std::vector<std::string_view> lookup_fields(const void* fields, std::string_view name) {
    const auto& f = *static_cast<const bhttp::fields*>(fields);
    std::vector<std::string_view> lines;
    // Beast keeps a field's lines together, in the order they came.
    const auto [first, last] = f.equal_range(beast::string_view(name.data(), name.size()));
    for (auto it = first; it != last; ++it)
        lines.emplace_back(it->value().data(), it->value().size());
    return lines;
}

http::Method to_method(bhttp::verb verb) {
    switch (verb) {
        case bhttp::verb::get:
            return http::Method::get;
        case bhttp::verb::head:
            return http::Method::head;
        case bhttp::verb::post:
            return http::Method::post;
        case bhttp::verb::put:
            return http::Method::put;
        case bhttp::verb::patch:
            return http::Method::patch;
        case bhttp::verb::delete_:
            return http::Method::delete_;
        case bhttp::verb::options:
            return http::Method::options;
        default:
            return http::Method::other;
    }
}

// Sends one response; `head_only` keeps the length but drops the body (HEAD). Timeouts live
// on `tcp`, the stream's lowest layer, so they bound TLS records too.
template <class Stream>
asio::awaitable<boost::system::error_code> write_response(Stream& stream, beast::tcp_stream& tcp,
                                                          const Server::State& state,
                                                          const http::Response& response,
                                                          const std::string& request_id,
                                                          bool keep_alive, bool head_only,
                                                          bool http_1_0 = false) {
    // The body is sent from where it lies (often the page cache), never copied.
    std::string head;
    head.reserve(1024);
    write_head(
        head, response,
        HeadOptions{request_id, detail::http_date(), keep_alive, http_1_0, state.tls.has_value()});
    const auto body = response.body.view();
    const std::array<asio::const_buffer, 2> buffers = {
        asio::buffer(head), head_only ? asio::const_buffer() : asio::buffer(body)};
    tcp.expires_after(state.limits.write_timeout);
    auto [ec, n] = co_await asio::async_write(stream, buffers, use_tuple);
    co_return ec;
}

// Closes after an error without losing our answer: a client still sending would get a
// reset that can wipe the response from its receive buffer, so read and drop a little first.
asio::awaitable<void> linger_close(beast::tcp_stream& stream) {
    boost::system::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(2));
    std::array<char, 16 * 1024> sink;
    for (int i = 0; i < 64 && !ec; ++i)
        std::tie(ec, std::ignore) = co_await stream.async_read_some(asio::buffer(sink), use_tuple);
    stream.socket().close(ec);
}

void log_limit(metrics::Registry& metrics, metrics::LimitKind kind, const asio::ip::address& peer) {
    metrics.count_limit(kind);
    spdlog::info("{} kind={} peer={}", log_event::http_limit_hit, metrics::to_string(kind),
                 peer.to_string());
}

// Registers the session for the stop procedure for as long as the connection lives.
struct Registration {
    std::shared_ptr<Server::State> state;
    std::shared_ptr<SessionHandle> handle;
    Registration(std::shared_ptr<Server::State> s, beast::tcp_stream& stream)
        : state(std::move(s)), handle(std::make_shared<SessionHandle>()) {
        handle->stream = &stream;
        std::lock_guard lock(state->mutex);
        state->sessions.insert(handle);
        state->metrics.connection_opened();
    }
    ~Registration() {
        std::lock_guard lock(state->mutex);
        state->sessions.erase(handle);
        state->metrics.connection_closed();
    }
};

}  // namespace

asio::awaitable<void> refuse_connection(std::shared_ptr<Server::State> state, tcp::socket socket,
                                        unsigned status) {
    beast::tcp_stream stream(std::move(socket));
    const auto response = state->application.error_page(status, http::HeaderView(), "");
    auto refused = response;
    refused.set_header("Retry-After", "10");
    co_await write_response(stream, stream, *state, refused, "", false, false);
    co_await linger_close(stream);
}

namespace {

// Reads requests and writes answers until the connection ends. `stream` is what carries
// HTTP (TCP, or TLS over it); `tcp` is its lowest layer, which holds the timer.
template <class Stream>
asio::awaitable<void> serve_requests(std::shared_ptr<Server::State> state, Stream& stream,
                                     beast::tcp_stream& tcp, SessionHandle& handle,
                                     asio::ip::address peer) {
    const auto& limits = state->limits;
    auto& metrics = state->metrics;
    const bool tls = state->tls.has_value();
    // Room for a whole header plus what a pipelining client sends ahead.
    beast::flat_buffer buffer(limits.header_bytes + 64 * 1024);

    for (std::size_t served = 0;; ++served) {
        // Between requests: the idle timeout, then the header timeout from the first byte.
        if (buffer.size() == 0) {
            if (handle.close_requested || state->stopping) co_return;
            handle.idle = true;
            tcp.expires_after(served == 0 ? limits.header_timeout : limits.idle_timeout);
            auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), use_tuple);
            handle.idle = false;
            if (ec) {
                if (ec == beast::error::timeout)
                    log_limit(metrics,
                              served == 0 ? metrics::LimitKind::header_timeout
                                          : metrics::LimitKind::idle_timeout,
                              peer);
                co_return;
            }
            buffer.commit(n);
        }

        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(limits.header_bytes));
        parser.body_limit(limits.body_bytes);
        tcp.expires_after(limits.header_timeout);
        auto [header_ec, header_n] =
            co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);

        unsigned refusal = 0;
        if (header_ec == beast::error::timeout) {
            // The timer closed the socket: nothing more can be said to this client.
            log_limit(metrics, metrics::LimitKind::header_timeout, peer);
            co_return;
        } else if (header_ec == bhttp::error::body_limit) {
            // The parser compares Content-Length with the limit as soon as it reads it.
            log_limit(metrics, metrics::LimitKind::body_bytes, peer);
            refusal = 413;
        } else if (header_ec == bhttp::error::header_limit) {
            log_limit(metrics, metrics::LimitKind::header_bytes, peer);
            refusal = 431;
        } else if (header_ec == bhttp::error::end_of_stream || header_ec == asio::error::eof ||
                   header_ec == asio::error::connection_reset ||
                   header_ec == asio::error::operation_aborted) {
            co_return;
        } else if (header_ec) {
            log_limit(metrics, metrics::LimitKind::malformed_request, peer);
            refusal = 400;
        }

        if (refusal == 0) {
            const auto& header = parser.get();
            if (header[bhttp::field::expect] == "100-continue" && !parser.is_done()) {
                bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
                tcp.expires_after(limits.write_timeout);
                auto [ec, n] = co_await bhttp::async_write(stream, proceed, use_tuple);
                if (ec) co_return;
            }
            tcp.expires_after(limits.body_timeout);
            auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
            if (body_ec == beast::error::timeout) {
                log_limit(metrics, metrics::LimitKind::body_timeout, peer);
                co_return;
            } else if (body_ec == bhttp::error::body_limit) {
                log_limit(metrics, metrics::LimitKind::body_bytes, peer);
                refusal = 413;
            } else if (body_ec) {
                if (body_ec == bhttp::error::partial_message || body_ec == asio::error::eof ||
                    body_ec == asio::error::connection_reset)
                    co_return;
                log_limit(metrics, metrics::LimitKind::malformed_request, peer);
                refusal = 400;
            }
        }

        if (refusal != 0) {
            const auto& fields = parser.get().base();
            const auto raw_target = parser.get().target();
            auto response = state->application.error_page(
                refusal, http::HeaderView(&fields, &lookup_field, &lookup_fields),
                refusal == 431 ? std::string_view()
                               : std::string_view(raw_target.data(), raw_target.size()));
            metrics.count_request(state->no_route_metric, refusal, std::chrono::nanoseconds(0));
            co_await write_response(stream, tcp, *state, response, "", false, false);
            co_await linger_close(tcp);
            co_return;
        }

        auto& message = parser.get();
        http::Request request;
        request.method = to_method(message.method());
        const auto method_text = message.method_string();
        request.method_text = {method_text.data(), method_text.size()};
        const auto target = message.target();
        request.target = {target.data(), target.size()};
        request.headers = http::HeaderView(&message.base(), &lookup_field, &lookup_fields);
        request.body = message.body();
        request.client_ip =
            client_address(peer, request.headers, state->trusted_proxies).to_string();
        request.request_id = request_id();
        request.tls = tls;

        http::Response response;
        try {
            response = co_await state->application.handle(request);
        } catch (const std::exception& e) {
            spdlog::error("{} id={} error={}", log_event::http_handler_failed, request.request_id,
                          log_text(e.what()));
            response = state->application.error_page(500, request.headers, request.target);
        }

        bool keep_alive =
            message.keep_alive() && !response.close && !state->stopping && !handle.close_requested;
        if (served + 1 >= limits.max_requests_per_connection) {
            if (keep_alive) metrics.count_limit(metrics::LimitKind::requests_per_connection);
            keep_alive = false;
        }
        const auto ec =
            co_await write_response(stream, tcp, *state, response, request.request_id, keep_alive,
                                    request.method == http::Method::head, message.version() == 10);
        if (ec) {
            if (ec == beast::error::timeout)
                log_limit(metrics, metrics::LimitKind::write_timeout, peer);
            co_return;
        }
        if (!keep_alive) {
            boost::system::error_code ignored;
            tcp.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
            co_return;
        }
    }
}

}  // namespace

asio::awaitable<void> run_session(std::shared_ptr<Server::State> state, tcp::socket socket,
                                  asio::ip::address peer) {
    if (!state->tls) {
        beast::tcp_stream stream(std::move(socket));
        Registration registration(state, stream);
        co_await serve_requests(state, stream, stream, *registration.handle, peer);
        co_return;
    }
    beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *state->tls);
    auto& tcp = beast::get_lowest_layer(stream);
    Registration registration(state, tcp);
    // The handshake is part of the header's time: a client that stalls in it is cut alike.
    tcp.expires_after(state->limits.header_timeout);
    auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, use_tuple);
    if (ec) {
        if (ec == beast::error::timeout)
            log_limit(state->metrics, metrics::LimitKind::header_timeout, peer);
        co_return;
    }
    co_await serve_requests(state, stream, tcp, *registration.handle, peer);
}

}  // namespace rempart::net
