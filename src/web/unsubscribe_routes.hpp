// GET /u/{token}: a news mail's unsubscribe page; POST /u/{token}: leaving, from that
// page's button or in one click from the mail program (RFC 8058).
#pragma once

#include <string>

#include "http/router.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::web {

// `secret` is the server's: it made the tokens (signatures/unsubscribe_token.hpp).
void add_unsubscribe_routes(http::Router& router, const Site& site, store::Store& store,
                            const std::string& secret);

}  // namespace rempart::web
