// What the detector saw of a value that stood out on a petition: the figures a cluster and
// a watch both keep, written once here.
#pragma once

#include <cstdint>
#include <string>

#include "defence/model/dimension.hpp"
#include "defence/model/subject.hpp"

namespace rempart::defence {

struct Sighting {
    Subject subject = Subject::signatures;
    std::int64_t petition_id = 0;  // 0 for proposals and reports: the whole site
    // Read from the store with the row; the detector knows petitions by their id only.
    std::string petition_slug;
    Dimension dimension = Dimension::name;
    // As the events hold it: "as:64500", "net:203.0.113.0/24", a keyed hash for a name.
    std::string key_value;
    std::int64_t attempts_in_window = 0;  // attempts with this value in the window
    std::int64_t window_total = 0;        // attempts with this key in the window
    std::int64_t distinct_networks = 0;   // among the value's attempts
    std::int64_t first_attempt_ms = 0;    // the value's first attempt still in the window
    // Why it acted or was only watched: the judgement's reasons, one a line (reasons.hpp).
    std::string evidence;
};

}  // namespace rempart::defence
