// The shield in the back office: is the under-attack gate up and why, what the shield
// refused, and the admin's button to force the gate on or off or leave it automatic.
#pragma once

#include "admin/guard.hpp"
#include "shield/front_door.hpp"

namespace rempart::admin {

struct ShieldServices {
    AdminServices& admin;
    shield::FrontDoor& front_door;
};

// GET /admin/shield (moderators and admins), POST /admin/shield/mode (admins): the mode is
// written to the store with its audit entry, and comes back after a restart.
void add_shield_routes(http::Router& router, ShieldServices& services);

// The mode an admin chose last, from the store; none when nobody has chosen.
std::optional<shield::GateMode> stored_gate_mode(store::Store& store);

}  // namespace rempart::admin
