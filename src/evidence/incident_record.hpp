// Everything the store knows about one incident, as the evidence exports read it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rempart::evidence {

// At most this many signatures are shown one by one: the earliest (see DESIGN-NOTES.md).
inline constexpr std::size_t sample_limit = 50;

struct IncidentFacts {
    std::int64_t id = 0;
    std::int64_t petition_id = 0;
    std::string petition_slug;
    std::string petition_title;
    std::string state;  // open, invalidated, released
    std::int64_t opened_ms = 0;
    std::int64_t quarantined = 0;  // signatures set aside when it opened
};

// One value that stood out. An incident opened before clusters had rows of their own has
// one cluster made from the incident's row, with id 0 and no containment time.
struct Cluster {
    std::int64_t id = 0;
    std::string dimension;  // name, comment, email_domain, network, as, user_agent
    std::string key_value;  // as the events hold it: a keyed hash for names and comments
    std::string example;    // names and comments: one text as typed that carried the key
    std::int64_t attempts_in_window = 0;
    std::int64_t window_total = 0;
    std::int64_t distinct_networks = 0;
    std::int64_t first_attempt_ms = 0;
    std::int64_t detected_ms = 0;
    std::optional<std::int64_t> contained_ms;
    std::optional<std::int64_t> held_until_ms;
    std::string state;
    std::optional<std::int64_t> decided_ms;
    std::string decided_by;
    std::int64_t signatures_held = 0;
};

struct Action {
    std::int64_t id = 0;
    std::int64_t at_ms = 0;
    std::string action;
    std::string detail;
    std::optional<std::int64_t> until_ms;
};

struct Ban {
    std::int64_t id = 0;
    std::string kind;   // network, as
    std::string value;  // "192.0.2.0/24", "as:64500"
    std::int64_t from_ms = 0;
    std::int64_t until_ms = 0;
    std::optional<std::int64_t> lifted_ms;
    std::string reason;
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
    IncidentFacts incident;
    std::vector<Cluster> clusters;
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

}  // namespace rempart::evidence
