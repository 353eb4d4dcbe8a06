// Maps a method and a path to a route such as "/petitions/{slug}": its handler and its class.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/route_class.hpp"

namespace rempart::http {

// The values of a route's {placeholders}, in order; they view the request's path.
using Params = std::vector<std::string_view>;
using Handler = std::function<boost::asio::awaitable<Response>(const Request&, const Params&)>;

struct Route {
    Method method;
    std::string pattern;  // "/petitions/{slug}": a {name} matches one non-empty segment
    std::string name;     // stable, for metrics and logs: "petition_page"
    RouteClass route_class;
    Handler handler;
    std::size_t metric_index = 0;
};

struct Match {
    const Route* route = nullptr;  // null when nothing matched
    Params params;
    std::string allow;  // when the path exists under other methods: "GET, HEAD"
};

class Router {
  public:
    // A GET route also answers HEAD (the server drops the body). There is no overload
    // without `route_class`: whoever adds a route says how the shield treats it.
    void add(Method method, std::string pattern, std::string name, RouteClass route_class,
             Handler handler);
    Match match(Method method, std::string_view path) const;
    std::vector<Route>& routes() { return routes_; }
    const std::vector<Route>& routes() const { return routes_; }

  private:
    static bool matches(std::string_view pattern, std::string_view path, Params* params);
    std::vector<Route> routes_;
};

}  // namespace rempart::http
