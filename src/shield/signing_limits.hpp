// Rate limits on signing, per IP, network, AS, e-mail domain and petition: pure and tested.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/config.hpp"
#include "shield/network.hpp"
#include "shield/rate_limit.hpp"

namespace rempart::shield {

// Which limit refused: for the event, the log and the metric.
enum class LimitKey { none, ip, network, wide_network, as, domain, petition };
std::string_view to_string(LimitKey key);

struct SigningRateDecision {
    bool allowed = true;
    LimitKey refused_by = LimitKey::none;
    std::chrono::seconds retry_after{0};
};

class SigningLimits {
  public:
    explicit SigningLimits(const SigningRateSettings& limits, std::size_t max_keys = 100000);

    // Before anything costly: the client's networks, its AS (when known) and the petition.
    // Takes one token from each bucket only when every bucket has one, so a refused
    // attempt does not drain the others.
    SigningRateDecision admit(const NetworkKeys& network, std::optional<std::uint32_t> as_number,
                              std::string_view petition, Clock::time_point now);
    // Once the e-mail address is read: its domain (ASCII, lowercase).
    SigningRateDecision admit_domain(std::string_view domain, Clock::time_point now);

  private:
    TokenBuckets ip_, network_, wide_network_, as_, domain_, petition_;
};

}  // namespace rempart::shield
