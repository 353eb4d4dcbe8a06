// The public JSON API: GET /api/petitions and GET /api/petitions/{slug}.
#pragma once

#include <string>

#include "http/router.hpp"
#include "petitions/catalog.hpp"
#include "store/readers.hpp"

namespace rempart::api {

// `catalog` and `readers` must outlive the router. With `readers`, one petition's counts are
// read from the store at the time of the request (exact, where pages may lag by a second);
// without, from the catalog.
void add_api_routes(http::Router& router, const Catalog& catalog, std::string base_url,
                    store::Readers* readers = nullptr);

// A JSON response with the API's headers (no CORS: the API is read by servers and tools,
// not by other sites' scripts).
http::Response json_response(unsigned status, std::string body);

}  // namespace rempart::api
