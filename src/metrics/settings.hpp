// [metrics]: who may read GET /metrics, whose counters tell an attacker when and how he was
// seen. The address checked is the client's as found behind the trusted proxies, so a
// request a local proxy relays from outside is not loopback.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rempart::config {
class File;
}

namespace rempart::metrics {

struct MetricsSettings {
    std::vector<std::string> allow = {"127.0.0.0/8", "::1"};  // networks; 403 from elsewhere
    std::string bearer_token;  // set: also asked for (401 without it); empty: not asked
};
// Shorter bearer tokens are refused at start: long enough that guessing is hopeless.
inline constexpr std::size_t min_bearer_token_chars = 32;

MetricsSettings read_metrics_settings(config::File& file);

}  // namespace rempart::metrics
