// Everything the store knows about one incident, as the evidence files are made of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "defence/model/action.hpp"
#include "defence/model/ban.hpp"
#include "defence/model/cluster.hpp"
#include "defence/model/incident.hpp"

namespace rempart::defence {

// At most this many signatures are shown one by one: the earliest (see DESIGN-NOTES.md).
inline constexpr std::size_t sample_limit = 50;

// Raised when the evidence files' layout changes in a way a reader must know about;
// written in both files and recorded with each export. 2: an incident has a subject, and
// for proposals or reports it names no petition and its "signatures" are the items it set
// aside (a proposal's author and title, a report's reason).
inline constexpr std::int64_t evidence_format_version = 2;

// A cluster as the evidence shows it, with what the files add to the one Cluster.
struct ClusterEvidence {
    Cluster cluster;
    std::string example;  // names and comments: one text as typed that carried the key
    std::int64_t signatures_held = 0;
};

// The events of one address with one verdict. The store aggregates to this, so an attack
// of 100,000 attempts from a few hundred addresses loads as a few hundred rows.
struct SourceCount {
    std::string ip;
    std::string network;  // as the event holds it ("net:203.0.113.0/24")
    std::optional<std::int64_t> asn;
    std::string verdict;  // accepted, quarantined, duplicate, confirmed, ...
    std::int64_t events = 0;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

struct MinuteCount {
    std::int64_t minute_ms = 0;  // the minute's start
    std::string verdict;
    std::int64_t events = 0;
};

struct UserAgentCount {
    std::string user_agent;
    std::int64_t events = 0;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
};

// A signature as stored, before masking: the exports mask the e-mail themselves.
struct SignatureSample {
    std::int64_t id = 0;
    std::string name;
    std::string email;
    std::string email_domain;
    std::string postcode;
    std::string comment;
    std::string state;
    std::int64_t created_s = 0;
    std::optional<std::int64_t> confirmed_s;
    std::string ip;
};

struct IncidentRecord {
    Incident incident;
    std::vector<ClusterEvidence> clusters;
    std::vector<Action> actions;
    std::vector<Ban> bans;
    std::vector<SourceCount> sources;
    std::vector<MinuteCount> minutes;
    std::vector<UserAgentCount> user_agents;
    std::vector<SignatureSample> samples;                     // at most sample_limit
    std::map<std::string, std::int64_t> signatures_by_state;  // every signature involved
    // The AS table's organisation for each AS number; filled by the caller, who holds the
    // table (see name_autonomous_systems).
    std::map<std::int64_t, std::string> as_organisations;
};

}  // namespace rempart::defence
