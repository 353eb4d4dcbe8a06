// The front door's verdict on a request, answered with a page or let through.
#include "web/shield_guard.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "http/cookies.hpp"
#include "http/target.hpp"

namespace rempart::web {
namespace {

void replace_header(http::Response& response, std::string_view name, std::string value) {
    std::erase_if(response.headers, [&](const auto& header) { return header.first == name; });
    response.set_header(std::string(name), std::move(value));
}

}  // namespace

std::optional<http::Response> ShieldGuard::operator()(const http::Request& request,
                                                      const http::RouteClass& route) const {
    const auto cookie =
        http::cookie_value(request.headers["Cookie"], clearance_cookie).value_or("");
    const bool reads = request.method == http::Method::get || request.method == http::Method::head;
    const auto admission =
        front_door_->admit({request.client_ip, cookie, reads}, route, unix_now_ms());
    if (admission.passed()) return std::nullopt;
    if (admission.decision == shield::Decision::gated)
        return gate_page_->response(request, http::local_path_or_root(request.target));
    const unsigned status = admission.decision == shield::Decision::shed ? 503 : 429;
    auto response = site_->error_page(status, request.headers, request.target);
    replace_header(response, "Retry-After", std::to_string(admission.retry_after.count()));
    replace_header(response, "Cache-Control", "no-store");
    return response;
}

}  // namespace rempart::web
