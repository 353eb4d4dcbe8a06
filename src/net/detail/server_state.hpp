// What the listener and the sessions share: config, limits, counters and the live sessions.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "net/client_address.hpp"
#include "net/server.hpp"

namespace rempart::net {

// One live connection, as the stop procedure sees it. All fields are touched only on the
// connection's strand, except through `post`.
struct SessionHandle {
    boost::beast::tcp_stream* stream = nullptr;
    bool idle = false;             // waiting for the next request: safe to close at once
    bool close_requested = false;  // finish the request in flight, then close
};

struct Server::State {
    boost::asio::io_context& io;
    ServerSettings server;
    Limits limits;
    Application application;
    metrics::Registry& metrics;
    NetworkList trusted_proxies;
    std::vector<boost::asio::io_context*> workers;  // where connections live; round robin
    std::size_t next_worker = 0;                    // touched by the accept loop only
    boost::asio::ip::tcp::acceptor acceptor;
    std::optional<boost::asio::ssl::context> tls;  // set when Rempart serves HTTPS itself
    std::atomic<bool> stopping{false};
    std::size_t no_route_metric = 0;  // requests the server answers before any routing

    std::mutex mutex;  // guards the two tables below
    std::unordered_map<boost::asio::ip::address, std::size_t> connections_per_ip;
    std::unordered_set<std::shared_ptr<SessionHandle>> sessions;

    State(boost::asio::io_context& io_, ServerSettings server_, Limits limits_,
          Application application_, metrics::Registry& metrics_, NetworkList trusted_)
        : io(io_),
          server(std::move(server_)),
          limits(limits_),
          application(std::move(application_)),
          metrics(metrics_),
          trusted_proxies(std::move(trusted_)),
          acceptor(io_) {}
};

// Runs one connection until it ends; `peer` is the socket's address. Over TLS when the
// state has a TLS context.
boost::asio::awaitable<void> run_session(std::shared_ptr<Server::State> state,
                                         boost::asio::ip::tcp::socket socket,
                                         boost::asio::ip::address peer);

// Writes a short error page to a connection refused at accept, then closes it.
boost::asio::awaitable<void> refuse_connection(std::shared_ptr<Server::State> state,
                                               boost::asio::ip::tcp::socket socket,
                                               unsigned status);

}  // namespace rempart::net
