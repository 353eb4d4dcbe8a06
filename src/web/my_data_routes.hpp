// /my-data: a signer sees, downloads, withdraws and erases their signatures themselves,
// through a private link mailed to the address they signed with.
#pragma once

#include "http/router.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

void add_my_data_routes(http::Router& router, SigningServices& services);

}  // namespace rempart::web
