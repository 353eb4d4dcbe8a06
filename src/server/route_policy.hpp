// Every route's class for the shield, in one table: what may be shed, what the
// under-attack gate stands in front of, and which traffic limits count it.
#pragma once

#include <string_view>

#include "shield/route_class.hpp"

namespace rempart::server {

// A route the table does not name is gated, limited as a page and of normal priority.
shield::RouteClass route_class(std::string_view route_name);

}  // namespace rempart::server
