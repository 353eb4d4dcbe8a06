// Turns a request into a response: target checks, routing, the handler, metrics, the log line.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <optional>
#include <vector>

#include "http/router.hpp"
#include "metrics/metrics.hpp"
#include "shield/route_class.hpp"

namespace rempart::app {

// The page for an error status, in the client's language; JSON under /api/.
using ErrorPage = std::function<http::Response(unsigned status, const http::HeaderView& headers,
                                               std::string_view target)>;

// Asked once the route is known (or known to be none) and before its handler runs: an
// answer here (429 over a limit, the under-attack gate's page, 503 when shed) stands in
// for the handler's, and is counted in the metrics but not logged request by request.
using Guard = std::function<std::optional<http::Response>(const http::Request& request,
                                                          const shield::RouteClass& route)>;

class Dispatcher {
  public:
    Dispatcher(http::Router router, metrics::Registry& metrics, ErrorPage error_page,
               Guard guard = {});

    // Never throws for a handler's failure: that becomes a 500 page.
    boost::asio::awaitable<http::Response> handle(http::Request& request) const;

  private:
    http::Router router_;
    metrics::Registry& metrics_;
    ErrorPage error_page_;
    Guard guard_;
    std::vector<shield::RouteClass> classes_;  // by the route's place in the router
    std::size_t unrouted_metric_;
    shield::RouteClass unrouted_class_;
};

}  // namespace rempart::app
