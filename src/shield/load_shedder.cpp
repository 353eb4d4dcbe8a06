// Which requests to refuse when the server falls behind.
#include "shield/load_shedder.hpp"

namespace rempart::shield {

using http::Priority;

bool should_shed(Priority priority, const Pressure& pressure, const ShedSettings& settings) {
    switch (priority) {
        case Priority::critical:
        case Priority::high:
            return false;
        case Priority::normal:
            return pressure.loop_lag >= settings.lag_normal ||
                   pressure.read_queue >= settings.queue_normal;
        case Priority::low:
            return pressure.loop_lag >= settings.lag_low ||
                   pressure.read_queue >= settings.queue_low;
    }
    return false;
}

}  // namespace rempart::shield
