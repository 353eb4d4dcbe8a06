// Turns a request into a response: target checks, routing, the origin check, the handler,
// metrics, the log line.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <optional>
#include <string>

#include "http/route_class.hpp"
#include "http/router.hpp"
#include "metrics/metrics.hpp"
#include "server/origin_refusals.hpp"

namespace rempart::server {

// The page for an error status, in the client's language; JSON under /api/.
using ErrorPage = std::function<http::Response(unsigned status, const http::HeaderView& headers,
                                               std::string_view target)>;

// Asked once the route is known (or known to be none) and before its handler runs: an
// answer here (429 over a limit, the under-attack gate's page, 503 when shed) stands in
// for the handler's, and is counted in the metrics but not logged request by request.
using Guard = std::function<std::optional<http::Response>(const http::Request& request,
                                                          const http::RouteClass& route)>;

// The class of a path no route matches: its 404 page comes from memory and costs little,
// but a flood of them is still a flood, so it meets the limits and the gate as a page does.
inline constexpr http::RouteClass unrouted_class =
    http::gated(http::Priority::high, http::TrafficFamily::page);

class Dispatcher {
  public:
    // `base_url` is the site's own address, to which a request that changes something must
    // show it belongs (http::check_request_origin) before its handler runs: any other
    // verdict gets the 403 error page, counted in the metrics and origin_refusals() but,
    // like the guard's answers, not logged request by request.
    Dispatcher(http::Router router, metrics::Registry& metrics, std::string base_url,
               ErrorPage error_page, Guard guard = {});

    // Never throws for a handler's failure: that becomes a 500 page.
    boost::asio::awaitable<http::Response> handle(http::Request& request) const;

    const OriginRefusals& origin_refusals() const { return origin_refusals_; }

  private:
    http::Router router_;
    metrics::Registry& metrics_;
    std::string base_url_;
    ErrorPage error_page_;
    Guard guard_;
    mutable OriginRefusals origin_refusals_;
    std::size_t unrouted_metric_;
};

}  // namespace rempart::server
