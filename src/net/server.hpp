// The HTTP/1.1 server: accepts, applies the connection limits, reads and answers requests.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "metrics/metrics.hpp"
#include "net/settings.hpp"

namespace rempart::net {

// What the server asks of the application above it.
struct Application {
    // Answers one complete request. It may co_await the store; an exception it lets out
    // becomes a 500 page for that request alone.
    std::function<boost::asio::awaitable<http::Response>(http::Request&)> handle;
    // The page for an error the server decides by itself (400, 413, 429, 431, 500, 503),
    // in the client's language as far as its headers tell; `target` may be empty.
    std::function<http::Response(unsigned status, const http::HeaderView& headers,
                                 std::string_view target)>
        error_page;
};

class Server {
  public:
    // Binds the listening socket; fails with a clear error when the address is taken.
    // `io` runs the listener. Connections are spread over `workers`, one io_context per
    // thread (none: all on `io`), so a connection never crosses threads and no scheduler
    // lock is shared between cores.
    static Result<std::unique_ptr<Server>> create(
        boost::asio::io_context& io, const ServerSettings& server, const Limits& limits,
        Application application, metrics::Registry& metrics,
        std::vector<boost::asio::io_context*> workers = {});
    ~Server();

    std::uint16_t port() const;
    void start();
    // Stops accepting, closes idle connections, lets in-flight requests finish within the
    // grace period, then calls `done` (on an io thread).
    void stop(std::function<void()> done);

    struct State;

  private:
    explicit Server(std::shared_ptr<State> state);
    std::shared_ptr<State> state_;
};

}  // namespace rempart::net
