// The listener: binds, accepts, enforces connection caps and stops gracefully.
#include "net/server.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "core/errors.hpp"
#include "core/host_port.hpp"
#include "core/log_events.hpp"
#include "core/log_text.hpp"
#include "net/detail/server_state.hpp"
#include "net/errors.hpp"

namespace rempart::net {
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// TLS 1.2 and 1.3 only, with the certificate chain and key from PEM files.
Result<asio::ssl::context> make_tls_context(const ServerSettings& server) {
    namespace ssl = asio::ssl;
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                        ssl::context::single_dh_use);
    boost::system::error_code ec;
    context.use_certificate_chain_file(server.tls_cert.string(), ec);
    if (ec)
        return make_error(
            ServerError::tls_failed,
            "cannot use the certificate " + server.tls_cert.string() + ": " + ec.message());
    context.use_private_key_file(server.tls_key.string(), ssl::context::pem, ec);
    if (ec)
        return make_error(
            ServerError::tls_failed,
            "cannot use the private key " + server.tls_key.string() + ": " + ec.message());
    return context;
}

// Holds one slot of the per-IP count and gives it back when the connection ends.
struct IpSlot {
    IpSlot(std::shared_ptr<Server::State> s, asio::ip::address a)
        : state(std::move(s)), address(a) {}
    IpSlot(const IpSlot&) = delete;
    IpSlot& operator=(const IpSlot&) = delete;
    std::shared_ptr<Server::State> state;
    asio::ip::address address;
    ~IpSlot() {
        std::lock_guard lock(state->mutex);
        auto it = state->connections_per_ip.find(address);
        if (it != state->connections_per_ip.end() && --it->second == 0)
            state->connections_per_ip.erase(it);
    }
};

// Over plain HTTP the client reads a short error page; over TLS, before any handshake,
// there is no way to say anything, so the connection is closed.
void refuse(const std::shared_ptr<Server::State>& state, tcp::socket socket, unsigned status) {
    if (state->tls) {
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
    }
    auto executor = socket.get_executor();
    asio::co_spawn(executor, refuse_connection(state, std::move(socket), status), asio::detached);
}

asio::awaitable<void> accept_loop(std::shared_ptr<Server::State> state) {
    const auto& limits = state->limits;
    for (;;) {
        auto& home = state->workers.empty()
                         ? state->io
                         : *state->workers[state->next_worker++ % state->workers.size()];
        auto [ec, socket] = co_await state->acceptor.async_accept(
            asio::make_strand(home), asio::as_tuple(asio::use_awaitable));
        if (state->stopping) co_return;
        if (ec) {
            // Out of file descriptors and the like: pause rather than spin.
            spdlog::warn("{} error={}", log_event::connection_refused, log_text(ec.message()));
            asio::steady_timer pause(state->io, std::chrono::milliseconds(50));
            co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
            continue;
        }
        boost::system::error_code peer_ec;
        const auto peer = socket.remote_endpoint(peer_ec).address();
        if (peer_ec) continue;
        socket.set_option(tcp::no_delay(true), peer_ec);
        if (limits.send_buffer_bytes > 0)
            socket.set_option(
                asio::socket_base::send_buffer_size(static_cast<int>(limits.send_buffer_bytes)),
                peer_ec);

        if (static_cast<std::size_t>(state->metrics.open_connections()) >= limits.max_connections) {
            state->metrics.count_limit(metrics::LimitKind::connections_total);
            asio::co_spawn(socket.get_executor(), refuse_connection(state, std::move(socket), 503),
                           asio::detached);
            continue;
        }
        // A trusted proxy carries everyone's connections: cap clients behind it by address
        // in the shield, not here.
        const bool capped = !state->trusted_proxies.contains(peer);
        if (capped) {
            std::unique_lock lock(state->mutex);
            auto& count = state->connections_per_ip[peer];
            if (count >= limits.max_connections_per_ip) {
                lock.unlock();
                state->metrics.count_limit(metrics::LimitKind::connections_per_ip);
                refuse(state, std::move(socket), 429);
                continue;
            }
            ++count;
        }
        auto slot = capped ? std::make_shared<IpSlot>(state, peer) : nullptr;
        auto executor = socket.get_executor();
        asio::co_spawn(executor, run_session(state, std::move(socket), peer),
                       [slot](std::exception_ptr error) {
                           // A session never lets an exception out; if one does, it is a
                           // bug worth a log line, not a crash.
                           if (!error) return;
                           try {
                               std::rethrow_exception(error);
                           } catch (const std::exception& e) {
                               spdlog::error("{} error={}", log_event::http_handler_failed,
                                             log_text(e.what()));
                           }
                       });
    }
}

}  // namespace

Server::Server(std::shared_ptr<State> state) : state_(std::move(state)) {}

Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(asio::io_context& io, const ServerSettings& server,
                                               const Limits& limits, Application application,
                                               metrics::Registry& metrics,
                                               std::vector<asio::io_context*> workers) {
    const auto listen = parse_host_port(server.listen);
    if (!listen)
        return make_error(ConfigError::bad_listen,
                          "cannot listen on " + server.listen + ": expected address:port");
    const tcp::endpoint endpoint(listen->address, listen->port);
    auto trusted = NetworkList::parse(server.trusted_proxies);
    if (!trusted) return trusted.error();
    auto state = std::make_shared<State>(io, server, limits, std::move(application), metrics,
                                         std::move(*trusted));
    state->no_route_metric = metrics.register_route("none");
    state->workers = std::move(workers);
    if (!server.tls_cert.empty()) {
        auto tls = make_tls_context(server);
        if (!tls) return tls.error();
        state->tls.emplace(std::move(*tls));
    }
    boost::system::error_code ec;
    auto& acceptor = state->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return make_error(ServerError::listen_failed,
                          "cannot listen on " + server.listen + ": " + ec.message());
    return std::unique_ptr<Server>(new Server(std::move(state)));
}

std::uint16_t Server::port() const {
    return state_->acceptor.local_endpoint().port();
}

void Server::start() {
    asio::co_spawn(state_->acceptor.get_executor(), accept_loop(state_), asio::detached);
}

void Server::stop(std::function<void()> done) {
    auto state = state_;
    if (state->stopping.exchange(true)) return;
    asio::post(state->acceptor.get_executor(), [state] {
        boost::system::error_code ignored;
        state->acceptor.close(ignored);
    });
    {
        std::lock_guard lock(state->mutex);
        for (const auto& session : state->sessions) {
            asio::post(session->stream->get_executor(), [session] {
                session->close_requested = true;
                if (session->idle) session->stream->socket().close();
            });
        }
    }
    // Poll until the last session ends or the grace period passes.
    auto timer = std::make_shared<asio::steady_timer>(state->io);
    auto deadline = std::chrono::steady_clock::now() + state->server.shutdown_grace;
    auto poll = std::make_shared<std::function<void()>>();
    *poll = [state, timer, deadline, poll, done = std::move(done)]() mutable {
        bool empty = false;
        {
            std::lock_guard lock(state->mutex);
            empty = state->sessions.empty();
            if (!empty && std::chrono::steady_clock::now() >= deadline) {
                for (const auto& session : state->sessions)
                    asio::post(session->stream->get_executor(),
                               [session] { session->stream->socket().close(); });
                empty = true;
            }
        }
        if (empty) {
            auto finish = std::move(done);
            *poll = nullptr;  // break the self-reference
            finish();
            return;
        }
        timer->expires_after(std::chrono::milliseconds(20));
        timer->async_wait([poll](boost::system::error_code) {
            if (*poll) (*poll)();
        });
    };
    asio::post(state->io, [poll] { (*poll)(); });
}

}  // namespace rempart::net
