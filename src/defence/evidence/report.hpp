// One incident's evidence, sorted and counted, before it is written as JSON or CSV.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "defence/evidence/sources.hpp"
#include "defence/model/incident_record.hpp"

namespace rempart::defence::evidence {

// One line of the timeline: what happened, when, and until when when it expires.
struct Moment {
    std::int64_t at_ms = 0;
    std::string what;  // first_attempt, cluster_detected, ..., an action's name, ban_started
    std::string detail;
    std::optional<std::int64_t> until_ms;
};

struct MinuteRow {
    std::int64_t minute_ms = 0;
    std::int64_t total = 0;
    VerdictCounts by_verdict;
};

struct SampleRow {
    std::int64_t id = 0;
    std::int64_t created_ms = 0;
    std::optional<std::int64_t> confirmed_ms;
    std::string state;
    std::string name;
    std::string email_masked;
    std::string email_domain;
    std::string postcode;
    std::string comment;
    std::string ip;
};

struct Summary {
    std::optional<std::int64_t> first_event_ms;  // none: no event matched
    std::optional<std::int64_t> last_event_ms;
    std::int64_t events = 0;
    VerdictCounts by_verdict;
    std::int64_t distinct_ips = 0;
    std::int64_t distinct_prefixes = 0;
    std::int64_t distinct_ases = 0;
    std::int64_t distinct_user_agents = 0;
    std::int64_t signatures = 0;
    std::int64_t samples_shown = 0;
};

struct Report {
    Incident incident;
    Summary summary;
    std::vector<std::string> verdicts;      // every verdict seen, sorted: the CSV's columns
    std::vector<ClusterEvidence> clusters;  // by first attempt, then id
    std::vector<Moment> timeline;           // by time; ties in a fixed order
    std::vector<Ban> bans;                  // by start, then id
    std::vector<MinuteRow> minutes;         // by time
    Sources sources;
    std::vector<UserAgentCount> user_agents;  // most events first, then by text
    std::vector<SampleRow> samples;           // earliest first, e-mails masked
    std::map<std::string, std::int64_t> signatures_by_state;
    std::map<std::int64_t, std::string> as_organisations;
};

// The organisation of a ban on an AS ("as:64500"); empty for a network or an unknown AS.
std::string ban_organisation(const Report& report, const Ban& ban);

// Pure and deterministic: the same record, in any order, gives the same report.
Report build_report(const IncidentRecord& record);

}  // namespace rempart::defence::evidence
