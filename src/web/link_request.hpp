// What the forms that mail a link to an address share (/propose/link, /my-data): the
// sender admitted by the limits before anything is read or written.
#pragma once

#include <optional>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "shield/signing_limits.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

// The 429 (with Retry-After) to answer when `limits` refuse the sender under `key`; none
// when the sender is admitted, which counts against its budgets.
std::optional<http::Response> refuse_over_limits(const SigningServices& services,
                                                 shield::SigningLimits& limits,
                                                 const http::Request& request,
                                                 std::string_view key);

}  // namespace rempart::web
