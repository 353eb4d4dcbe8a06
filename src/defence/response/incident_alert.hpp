// The admins' alert when the defence opens an incident by itself: rendered before the
// incident's write, completed inside its transaction with the two figures only that
// transaction knows, and queued there, so that no alert is lost and none is rendered on
// the writer's thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "defence/model/cluster.hpp"

namespace rempart::defence {

// An envelope recipient and a complete message, as the outbox queues them.
struct AlertMail {
    std::string to;
    std::string message;
    std::string from;  // the envelope sender, as the site's settings say at the write
};

// What is known before the write: the cluster that may open an incident (no id yet; it
// opens one unless it joins an attack under way), and the sources banned for it.
struct IncidentOpening {
    Cluster cluster;
    std::int64_t bans = 0;
};

// What only the write knows: the incident's number and the signatures set aside (those of
// the banned sources included).
struct IncidentOpened {
    std::int64_t incident_id = 0;
    std::int64_t quarantined = 0;
};

// The alerts as rendered, waiting for those figures: no template, catalogue or message
// lookup is left for the writer's thread.
using CompleteAlerts = std::function<std::vector<AlertMail>(const IncidentOpened&)>;
// Called for every cluster the defence acts on, before its write; empty: nobody to tell.
using RenderAlerts = std::function<CompleteAlerts(const IncidentOpening&)>;

}  // namespace rempart::defence
