// GET|POST /answer/{token}: the target of a petition answers its signers through a private
// link, without an account; the answer waits as a draft for the organisers and the author.
#pragma once

#include <string>

#include "http/router.hpp"
#include "store/store.hpp"
#include "web/site.hpp"

namespace rempart::web {

void add_answer_routes(http::Router& router, const Site& site, store::Store& store,
                       std::string event_secret);

}  // namespace rempart::web
