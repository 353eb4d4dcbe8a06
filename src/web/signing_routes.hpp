// Signing and confirming: POST /petitions/{slug}/sign, its thanks page, and /s/{token}.
#pragma once

#include "http/router.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

void add_signing_routes(http::Router& router, SigningServices& services);

}  // namespace rempart::web
