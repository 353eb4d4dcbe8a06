// What the dispatcher asks before each handler: the front door's verdict on the request,
// answered with a page (429 over a limit, the gate's page, 503 when shed) or let through.
#pragma once

#include <optional>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/route_class.hpp"
#include "shield/front_door.hpp"
#include "web/gate.hpp"
#include "web/site.hpp"

namespace rempart::web {

// Copyable, so that it can stand as the dispatcher's guard; what it refers to outlives it.
class ShieldGuard {
  public:
    ShieldGuard(shield::FrontDoor& front_door, const GatePage& gate_page, const Site& site)
        : front_door_(&front_door), gate_page_(&gate_page), site_(&site) {}

    // Nothing: the request goes on to its handler.
    std::optional<http::Response> operator()(const http::Request& request,
                                             const http::RouteClass& route) const;

  private:
    shield::FrontDoor* front_door_;
    const GatePage* gate_page_;
    const Site* site_;
};

}  // namespace rempart::web
