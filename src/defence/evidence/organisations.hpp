// Names the ASes of an incident from the IP-to-AS table, for people who read AS numbers badly.
#pragma once

#include "defence/model/incident_record.hpp"
#include "shield/asn_table.hpp"

namespace rempart::defence::evidence {

// Fills record.as_organisations for every AS number its sources carry. The table maps
// addresses, not numbers: each AS is named through the first of its addresses (in text
// order) that the table still places in that same AS. An AS no address vouches for any
// more (the table changed since the attack) stays unnamed rather than misnamed.
void name_autonomous_systems(IncidentRecord& record, const shield::AsnTable& table);

}  // namespace rempart::defence::evidence
