// What the server's /metrics says, for tests that watch a counter or a gauge move.
#include "support/metrics_reader.hpp"

#include <sstream>

#include "client/http_client.hpp"

namespace rempart::testing {

double metric_value(std::uint16_t port, const std::string& series) {
    const auto response = http_get(port, "/metrics");
    if (response.status != 200) return -1;
    std::istringstream lines(response.body);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with(series) || line.size() <= series.size() || line[series.size()] != ' ')
            continue;
        try {
            return std::stod(line.substr(series.size() + 1));
        } catch (const std::exception&) {
            return -1;
        }
    }
    return -1;
}

}  // namespace rempart::testing
