// Names of the shield's route classes, for metrics and logs.
#include "shield/route_class.hpp"

namespace rempart::shield {

std::string_view to_string(Priority priority) {
    switch (priority) {
        case Priority::critical:
            return "critical";
        case Priority::high:
            return "high";
        case Priority::normal:
            return "normal";
        case Priority::low:
            return "low";
    }
    return "normal";
}

}  // namespace rempart::shield
