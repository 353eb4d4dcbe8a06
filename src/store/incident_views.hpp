// What the back office shows of incidents: the list, and one incident with its clusters,
// their signatures, its timeline, bans and attempts per minute. Reads only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "defence/model/action.hpp"
#include "defence/model/ban.hpp"
#include "defence/model/cluster.hpp"
#include "defence/model/incident.hpp"
#include "defence/model/incident_record.hpp"
#include "store/database.hpp"

namespace rempart::store {

// An incident in the list, with the figures the list shows.
struct IncidentSummary {
    defence::Incident incident;
    std::int64_t clusters = 0;
    std::int64_t quarantined_now = 0;  // held signatures still quarantined
    // Held by its released clusters and counted again (pending or confirmed): real signers
    // the defence had set aside. Read from the signatures' states now, so one that another
    // cluster still holds, or that its signer withdrew since, is not among them.
    std::int64_t released = 0;
};
// Newest first, at most `limit`.
std::vector<IncidentSummary> list_incidents(Database& db, std::int64_t limit);

struct SignatureSample {
    std::int64_t id = 0;
    std::int64_t created_at = 0;  // Unix seconds
    std::string name;             // as typed: a moderator judges real from fake by it
    std::string email_domain;
    std::string comment;
    std::string state;
    std::string ip;
    std::string postcode;  // empty when none was given
};

// A cluster on its incident's page, with the signatures it holds, by their state now.
struct ClusterView {
    defence::Cluster cluster;
    std::int64_t quarantined = 0;
    std::int64_t invalidated = 0;
    std::int64_t invalidated_by_hand =
        0;                     // of those, by a moderator's decision: a release keeps them
    std::int64_t counted = 0;  // pending or confirmed: released, or never quarantined
    std::vector<SignatureSample> samples;  // the earliest few
};

struct IncidentView {
    IncidentSummary summary;
    std::vector<ClusterView> clusters;
    std::vector<defence::Action> actions;
    std::vector<defence::Ban> bans;
    // The petition's attempts a minute, by verdict as the events hold it: from 10 minutes
    // before the attack, 3 hours at most.
    std::vector<defence::MinuteCount> minutes;
};

// DefenceError::incident_not_found when there is none.
Result<IncidentView> load_incident_view(Database& db, std::int64_t incident_id,
                                        std::size_t samples_per_cluster = 5);

}  // namespace rempart::store
