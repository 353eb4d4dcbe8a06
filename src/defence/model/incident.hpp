// One attack on one petition: the incident its clusters belong to.
#pragma once

#include <cstdint>
#include <string>

namespace rempart::defence {

struct Incident {
    std::int64_t id = 0;
    std::int64_t petition_id = 0;
    std::string petition_slug;
    std::string petition_title;
    std::string state;  // open, invalidated, released
    std::int64_t opened_ms = 0;
    std::int64_t quarantined = 0;       // signatures set aside by its clusters as they came
    std::int64_t first_attempt_ms = 0;  // its first cluster's first attempt in the window
};

}  // namespace rempart::defence
