// Turns a request into a response: target checks, routing, the handler, metrics, the log line.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <functional>

#include "http/router.hpp"
#include "metrics/metrics.hpp"

namespace rempart::app {

// The page for an error status, in the client's language; JSON under /api/.
using ErrorPage = std::function<http::Response(unsigned status, const http::HeaderView& headers,
                                               std::string_view target)>;

class Dispatcher {
  public:
    Dispatcher(http::Router router, metrics::Registry& metrics, ErrorPage error_page);

    // Never throws for a handler's failure: that becomes a 500 page.
    boost::asio::awaitable<http::Response> handle(http::Request& request) const;

  private:
    http::Router router_;
    metrics::Registry& metrics_;
    ErrorPage error_page_;
    std::size_t unrouted_metric_;
};

}  // namespace rempart::app
