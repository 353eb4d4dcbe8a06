// The limits in front of the forms that mail a link.
#include "web/link_request.hpp"

#include "web/signing_request.hpp"

namespace rempart::web {

std::optional<http::Response> refuse_over_limits(const SigningServices& services,
                                                 shield::SigningLimits& limits,
                                                 const http::Request& request,
                                                 std::string_view key) {
    const auto client = signing::identify(request, services.asn_table);
    const auto admitted = limits.admit(
        client.keys, client.as ? std::optional<std::uint32_t>(client.as->number) : std::nullopt,
        key, shield::Clock::now());
    if (admitted.allowed) return std::nullopt;
    auto response = services.site.error_page(429, request.headers, request.target);
    signing::set_retry_after(response, admitted.retry_after);
    return response;
}

}  // namespace rempart::web
