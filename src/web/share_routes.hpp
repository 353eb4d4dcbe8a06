// GET /petitions/{slug}/qr.svg and /qr.png, the petition's address as a QR code, made once,
// and /card.png, its share card, made again as its count moves: all kept in memory.
#pragma once

#include "http/router.hpp"
#include "web/site.hpp"

namespace rempart::web {

void add_share_routes(http::Router& router, const Site& site);

}  // namespace rempart::web
