// Rate limits on signing, per IP, network, AS, e-mail domain and petition: pure and tested.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shield/network.hpp"
#include "shield/rate_limit.hpp"

namespace rempart::shield {

// Signing rate limits. Defaults that a real petition going viral never hits (a television
// slot brings about 50 signatures a second, from thousands of networks, a third of them on
// one big ISP and through one big mail provider), while one machine or one small network
// scripting signatures is held to a few a minute.
struct SigningRateSettings {
    RateSetting per_ip{10, 20};              // a family or an office behind one address
    RateSetting per_network{60, 60};         // IPv4 /24, IPv6 /64
    RateSetting per_wide_network{120, 120};  // IPv6 /48
    RateSetting per_as{6000, 1000};          // a national ISP during a surge
    RateSetting per_domain{6000, 1000};      // gmail.com, orange.fr
    RateSetting per_petition{30000, 5000};   // the whole petition
};

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
