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

// Says no and nothing else: not which network would do, nor whether a token exists.
http::Response refusal(const web::Site& site, const http::Request& request, unsigned status) {
    const auto language = site.language_of(request.headers);
    auto response = plain_text(
        std::string(site.messages().text(language, "error.title_" + std::to_string(status))) + "\n",
        "text/plain; charset=utf-8");
    response.status = status;
    if (status == 401) response.set_header("WWW-Authenticate", "Bearer");
    return response;
}

}  // namespace

void add_ops_routes(http::Router& router, const metrics::Registry& metrics, MetricsReaders readers,
                    const web::Site& site) {
    // Operators' tools must get an answer under any load and behind no gate, and are not
    // counted against a client's limits.
    constexpr auto operator_tool =
        http::never_gated(http::Priority::critical, http::TrafficFamily::none);
    router.add(
        http::Method::get, "/healthz", "healthz", operator_tool,
        [](const http::Request&, const http::Params&) -> boost::asio::awaitable<http::Response> {
            co_return plain_text("ok\n", "text/plain; charset=utf-8");
        });
    router.add(http::Method::get, "/metrics", "metrics", operator_tool,
               [&metrics, readers = std::move(readers), &site](
                   const http::Request& request,
                   const http::Params&) -> boost::asio::awaitable<http::Response> {
                   switch (readers.decide(request.client_ip, request.headers["Authorization"])) {
                       case MetricsAccess::allowed:
                           break;
                       case MetricsAccess::forbidden:
                           co_return refusal(site, request, 403);
                       case MetricsAccess::unauthorized:
                           co_return refusal(site, request, 401);
                   }
                   co_return plain_text(metrics.render(),
                                        "text/plain; version=0.0.4; charset=utf-8");
               });
}

}  // namespace rempart::ops
