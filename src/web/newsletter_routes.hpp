// The newsletter's mailed links: /newsletter/confirm/{token} shows the consent's words and
// gives it on POST; /newsletter/leave/{token} ends it, from its page or in one click.
#pragma once

#include "http/router.hpp"
#include "web/signing_services.hpp"

namespace rempart::web {

void add_newsletter_routes(http::Router& router, SigningServices& services);

}  // namespace rempart::web
