// Routes for operators and their tools: GET /healthz and GET /metrics.
#include "ops/ops_routes.hpp"

namespace rempart::ops {
namespace {

http::Response plain_text(std::string body, std::string content_type) {
    http::Response response;
    response.content_type = std::move(content_type);
    response.set_header("Cache-Control", "no-store");
    response.body = http::Body(std::move(body));
    return response;
}

}  // namespace

void add_ops_routes(http::Router& router, const metrics::Registry& metrics) {
    router.add(
        http::Method::get, "/healthz", "healthz",
        [](const http::Request&, const http::Params&) -> boost::asio::awaitable<http::Response> {
            co_return plain_text("ok\n", "text/plain; charset=utf-8");
        });
    router.add(http::Method::get, "/metrics", "metrics",
               [&metrics](const http::Request&,
                          const http::Params&) -> boost::asio::awaitable<http::Response> {
                   co_return plain_text(metrics.render(),
                                        "text/plain; version=0.0.4; charset=utf-8");
               });
}

}  // namespace rempart::ops
