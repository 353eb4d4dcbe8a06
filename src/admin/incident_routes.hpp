// The incidents part of the back office: the list, one incident with its chart, clusters,
// timeline, bans and evidence, the moderators' decisions, invalidation by hand, and the
// watches (values that repeat with no sign of automation).
#pragma once

#include <string>

#include "admin/guard.hpp"
#include "defence/response/defence.hpp"
#include "shield/asn_table.hpp"

namespace rempart::admin {

struct IncidentServices {
    AdminServices& admin;
    defence::Defence* defence;          // told of every decision; null when detection is off
    const shield::AsnTable& asn_table;  // names the ASes in the evidence
};

// A message of locales/ in the viewer's language, for the pages of these routes.
std::string say(const IncidentServices& s, const AdminContext& context, std::string_view key);

// GET /admin/incidents, GET /admin/incidents/{id}, GET /admin/incidents/{id}/evidence/{format}
void add_incident_routes(http::Router& router, IncidentServices& services);
// POST /admin/incidents/{id}/clusters/{cluster}/{invalidate|release}, POST /admin/bans/{id}/lift
void add_incident_action_routes(http::Router& router, IncidentServices& services);
// GET and POST /admin/invalidate: count first, then set aside. The GET takes the form's
// fields from its query, so that a watch's page can link to it prefilled.
void add_invalidation_routes(http::Router& router, IncidentServices& services);
// GET /admin/watches, GET /admin/watches/{id}, POST /admin/watches/{id}/{dismiss|invalidated}
// (moderators and admins).
void add_watch_routes(http::Router& router, IncidentServices& services);
// GET and POST /admin/trusted, POST /admin/trusted/{id}/remove (moderators and admins): the
// mail domains and networks organisers vouch for; the defence gets each change at once.
void add_trust_routes(http::Router& router, IncidentServices& services);

}  // namespace rempart::admin
