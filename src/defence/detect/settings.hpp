// [detect], the detector's part: its window, its rules, the big providers and networks, when
// a cluster is acted on and what looks automated. Read straight into DetectorConfig, so a
// key the file leaves out keeps the detector's own default. What acting does (hold_seconds,
// raised_difficulty, ban_*) is the defence's: defence/response/settings.
#pragma once

#include "defence/detect/detector.hpp"

namespace rempart::config {
class File;
}

namespace rempart::defence::detect {

DetectorConfig read_detector_config(config::File& file);

}  // namespace rempart::defence::detect
