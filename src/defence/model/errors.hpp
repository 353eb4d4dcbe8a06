// The errors of the defence: trusted values, incidents and their clusters, bans, watches
// and evidence exports. Answered to an administrator's action, or to the command line.
#pragma once

#include <string_view>

namespace rempart::defence {

enum class DefenceError {
    trust_bad_domain,       // not a mail domain
    trust_bad_network,      // not a network or an address
    trust_too_wide,         // wider than a /16 (IPv4) or a /32 (IPv6)
    trust_duplicate,        // the value is already trusted here
    trust_not_found,        // no trusted value has this id
    incident_not_found,     // no incident has this id
    unknown_dimension,      // no signatures can be searched by this dimension
    cluster_not_found,      // no cluster has this id, or not in this incident
    ban_not_found,          // no ban has this id
    ban_over,               // the ban had already ended
    watch_bad_state,        // a watch is dismissed or invalidated, nothing else
    watch_not_found,        // no watch has this id
    watch_decided,          // the watch was already decided
    evidence_bad_export,    // an export's format or SHA-256 is malformed
    evidence_bad_incident,  // the command line's incident is not a positive whole number
    evidence_write_failed,  // an export file cannot be written
};

constexpr std::string_view error_name(DefenceError error) {
    switch (error) {
        case DefenceError::trust_bad_domain:
            return "trust.bad_domain";
        case DefenceError::trust_bad_network:
            return "trust.bad_network";
        case DefenceError::trust_too_wide:
            return "trust.too_wide";
        case DefenceError::trust_duplicate:
            return "trust.duplicate";
        case DefenceError::trust_not_found:
            return "trust.not_found";
        case DefenceError::incident_not_found:
            return "incident.not_found";
        case DefenceError::unknown_dimension:
            return "incident.unknown_dimension";
        case DefenceError::cluster_not_found:
            return "cluster.not_found";
        case DefenceError::ban_not_found:
            return "ban.not_found";
        case DefenceError::ban_over:
            return "ban.over";
        case DefenceError::watch_bad_state:
            return "watch.bad_state";
        case DefenceError::watch_not_found:
            return "watch.not_found";
        case DefenceError::watch_decided:
            return "watch.decided";
        case DefenceError::evidence_bad_export:
            return "evidence.bad_export";
        case DefenceError::evidence_bad_incident:
            return "evidence.bad_incident";
        case DefenceError::evidence_write_failed:
            return "evidence.write_failed";
    }
    return "defence.unknown";
}

}  // namespace rempart::defence
