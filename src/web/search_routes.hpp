// GET /search: petitions holding every word typed, read from the store each time.
#pragma once

#include "http/router.hpp"
#include "store/readers.hpp"
#include "web/site.hpp"

namespace rempart::web {

void add_search_routes(http::Router& router, const Site& site, store::Readers& readers);

}  // namespace rempart::web
