// The incidents part of the back office: the list, one incident with its chart, clusters,
// timeline, bans and evidence, the moderators' decisions, and invalidation by hand.
#pragma once

#include <string>

#include "admin/guard.hpp"
#include "incidents/defence.hpp"
#include "shield/asn_table.hpp"

namespace rempart::admin {

struct IncidentServices {
    AdminServices& admin;
    incidents::Defence* defence;        // told of every decision; null when detection is off
    const shield::AsnTable& asn_table;  // names the ASes in the evidence
};

// GET /admin/incidents, GET /admin/incidents/{id}, GET /admin/incidents/{id}/evidence/{format}
void add_incident_routes(http::Router& router, IncidentServices& services);
// POST /admin/incidents/{id}/clusters/{cluster}/{invalidate|release}, POST /admin/bans/{id}/lift
void add_incident_action_routes(http::Router& router, IncidentServices& services);
// GET and POST /admin/invalidate: count first, then set aside.
void add_invalidation_routes(http::Router& router, IncidentServices& services);

}  // namespace rempart::admin
