// Maps a method and a path to a route: its handler and its class.
#include "http/router.hpp"

namespace rempart::http {

std::string_view to_string(Method method) {
    switch (method) {
        case Method::get:
            return "GET";
        case Method::head:
            return "HEAD";
        case Method::post:
            return "POST";
        case Method::put:
            return "PUT";
        case Method::patch:
            return "PATCH";
        case Method::delete_:
            return "DELETE";
        case Method::options:
            return "OPTIONS";
        case Method::other:
            break;
    }
    return "OTHER";
}

void Router::add(Method method, std::string pattern, std::string name, RouteClass route_class,
                 Handler handler) {
    routes_.push_back(
        Route{method, std::move(pattern), std::move(name), route_class, std::move(handler)});
}

bool Router::matches(std::string_view pattern, std::string_view path, Params* params) {
    params->clear();
    while (!pattern.empty() || !path.empty()) {
        if (pattern.empty() || path.empty() || pattern[0] != '/' || path[0] != '/') return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
        const auto pattern_end = std::min(pattern.find('/'), pattern.size());
        const auto path_end = std::min(path.find('/'), path.size());
        const auto pattern_segment = pattern.substr(0, pattern_end);
        const auto path_segment = path.substr(0, path_end);
        if (pattern_segment.size() > 2 && pattern_segment.front() == '{' &&
            pattern_segment.back() == '}') {
            if (path_segment.empty()) return false;
            params->push_back(path_segment);
        } else if (pattern_segment != path_segment) {
            return false;
        }
        pattern.remove_prefix(pattern_end);
        path.remove_prefix(path_end);
    }
    return true;
}

Match Router::match(Method method, std::string_view path) const {
    Match result;
    const Method wanted = method == Method::head ? Method::get : method;
    Params params;
    for (const auto& route : routes_) {
        if (!matches(route.pattern, path, &params)) continue;
        if (route.method == wanted) {
            result.route = &route;
            result.params = std::move(params);
            result.allow.clear();
            return result;
        }
        if (!result.allow.empty()) result.allow += ", ";
        result.allow += to_string(route.method);
        if (route.method == Method::get) result.allow += ", HEAD";
    }
    return result;
}

}  // namespace rempart::http
