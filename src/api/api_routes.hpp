// The public JSON API: GET /api/petitions and GET /api/petitions/{slug}.
#pragma once

#include <string>

#include "http/router.hpp"
#include "petitions/catalog.hpp"

namespace rempart::api {

// `catalog` must outlive the router.
void add_api_routes(http::Router& router, const Catalog& catalog, std::string base_url);

// A JSON response with the API's headers (no CORS: the API is read by servers and tools,
// not by other sites' scripts).
http::Response json_response(unsigned status, std::string body);

}  // namespace rempart::api
