// Names of the route classes, for metrics and logs.
#include "http/route_class.hpp"

namespace rempart::http {

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

}  // namespace rempart::http
