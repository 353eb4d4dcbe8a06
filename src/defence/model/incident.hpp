// One attack: on one petition's signatures, or on the site's proposals or reports.
#pragma once

#include <cstdint>
#include <string>

#include "defence/model/subject.hpp"

namespace rempart::defence {

struct Incident {
    std::int64_t id = 0;
    Subject subject = Subject::signatures;
    std::int64_t petition_id = 0;  // 0, and no slug or title, for proposals and reports
    std::string petition_slug;
    std::string petition_title;
    std::string state;  // open, invalidated, released
    std::int64_t opened_ms = 0;
    // Signatures, proposals or reports set aside by its clusters as they came.
    std::int64_t quarantined = 0;
    std::int64_t first_attempt_ms = 0;  // its first cluster's first attempt in the window
};

}  // namespace rempart::defence
