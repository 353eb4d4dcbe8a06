// The evidence's aggregated rows read from a prepared statement, the same for an incident
// about signatures and one about proposals or reports: each reads every row, then resets.
#pragma once

#include <vector>

#include "defence/model/incident_record.hpp"
#include "store/database.hpp"

namespace rempart::store {

// ip, network, asn, verdict, events, first_ms, last_ms.
Result<void> read_source_rows(Statement& rows, std::vector<defence::SourceCount>& into);
// minute_ms, verdict, events.
Result<void> read_minute_rows(Statement& rows, std::vector<defence::MinuteCount>& into);
// user_agent, events, first_ms, last_ms.
Result<void> read_user_agent_rows(Statement& rows, std::vector<defence::UserAgentCount>& into);
// id, name, email, email_domain, postcode (NULL: none), comment, state, created_s,
// confirmed_s, ip.
Result<void> read_sample_rows(Statement& rows, std::vector<defence::SignatureSample>& into);

}  // namespace rempart::store
