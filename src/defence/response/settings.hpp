// [detect], whole: the detector's thresholds (defence/detect/settings) and what the defence does
// with a cluster it acts on: how long it holds the key, how hard the proof of work gets, what it
// bans. Read straight into DefenceOptions, so what the file leaves out keeps its default.
#pragma once

#include "defence/response/defence.hpp"

namespace rempart::config {
class File;
}

namespace rempart::defence {

// Alerts and mail (compose_alerts, alert_from, mail_queued) are left to the caller.
DefenceOptions read_defence_options(config::File& file);

}  // namespace rempart::defence
