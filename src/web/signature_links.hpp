// Where a confirmation mail leads: GET /s/{token}, POST /s/{token}/confirm and /withdraw.
#pragma once

#include "http/router.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

// `services` must outlive the router.
void add_signature_link_routes(http::Router& router, SigningServices& services);

}  // namespace rempart::web
