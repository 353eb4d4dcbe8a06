// GET /petitions/{slug}/history (the corrections since publication) and GET /preview/{token}
// (a draft through its private link): petition pages read from the store, not from memory.
#pragma once

#include "http/router.hpp"
#include "store/readers.hpp"
#include "web/site.hpp"

namespace rempart::web {

void add_petition_history_routes(http::Router& router, const Site& site, store::Readers& readers);

}  // namespace rempart::web
