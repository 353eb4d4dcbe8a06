// What the back office shows of incidents: the list, and one incident with its clusters,
// their signatures, its timeline, bans and attempts per minute. Reads only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/ban_repository.hpp"
#include "store/database.hpp"

namespace rempart::store {

struct IncidentSummary {
    std::int64_t id = 0;
    std::int64_t petition_id = 0;
    std::string petition_slug;
    std::string petition_title;
    std::string state;  // open, invalidated, released
    std::int64_t opened_ms = 0;
    std::int64_t first_attempt_ms = 0;
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

struct ClusterView {
    std::int64_t id = 0;
    std::string dimension;
    std::string key_value;
    std::int64_t attempts_in_window = 0;
    std::int64_t window_total = 0;
    std::int64_t distinct_networks = 0;
    std::int64_t first_attempt_ms = 0;
    std::int64_t detected_ms = 0;
    std::int64_t contained_ms = 0;
    std::int64_t held_until_ms = 0;
    std::string state;
    std::optional<std::int64_t> decided_ms;
    std::string decided_by;
    std::string evidence;  // why the defence acted, one sentence a line
    // The signatures it holds, by their state now.
    std::int64_t quarantined = 0;
    std::int64_t invalidated = 0;
    std::int64_t invalidated_by_hand =
        0;                     // of those, by a moderator's decision: a release keeps them
    std::int64_t counted = 0;  // pending or confirmed: released, or never quarantined
    std::vector<SignatureSample> samples;  // the earliest few
};

struct ActionRow {
    std::int64_t at_ms = 0;
    std::string action;
    std::string detail;
    std::optional<std::int64_t> until_ms;
};

// Attempts of the petition in one minute, by verdict as the events hold it.
struct MinuteVerdicts {
    std::int64_t minute_ms = 0;
    std::string verdict;
    std::int64_t count = 0;
};

struct IncidentView {
    IncidentSummary summary;
    std::vector<ClusterView> clusters;
    std::vector<ActionRow> actions;
    std::vector<Ban> bans;
    std::vector<MinuteVerdicts> minutes;  // from 10 minutes before the attack, 3 hours at most
};

// DefenceError::incident_not_found when there is none.
Result<IncidentView> load_incident_view(Database& db, std::int64_t incident_id,
                                        std::size_t samples_per_cluster = 5);

}  // namespace rempart::store
