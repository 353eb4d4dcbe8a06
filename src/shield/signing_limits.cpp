// Rate limits on signing, per IP, network, AS, e-mail domain and petition: pure and tested.
#include "shield/signing_limits.hpp"

#include <vector>

namespace rempart::shield {

std::string_view to_string(LimitKey key) {
    switch (key) {
        case LimitKey::ip: return "ip";
        case LimitKey::network: return "network";
        case LimitKey::wide_network: return "wide_network";
        case LimitKey::as: return "as";
        case LimitKey::domain: return "domain";
        case LimitKey::petition: return "petition";
        case LimitKey::none: break;
    }
    return "none";
}

namespace {

RateLimit per_second(const RateSetting& setting) {
    return {setting.per_minute / 60.0, setting.burst};
}

}  // namespace

SigningLimits::SigningLimits(const SigningRateSettings& limits, std::size_t max_keys)
    : ip_(per_second(limits.per_ip), max_keys),
      network_(per_second(limits.per_network), max_keys),
      wide_network_(per_second(limits.per_wide_network), max_keys),
      as_(per_second(limits.per_as), max_keys),
      domain_(per_second(limits.per_domain), max_keys),
      petition_(per_second(limits.per_petition), max_keys) {}

SigningRateDecision SigningLimits::admit(const NetworkKeys& network,
                                         std::optional<std::uint32_t> as_number,
                                         std::string_view petition, Clock::time_point now) {
    struct Check {
        TokenBuckets* buckets;
        std::string key;
        LimitKey name;
    };
    std::vector<Check> checks{{&ip_, network.address, LimitKey::ip},
                              {&network_, network.narrow, LimitKey::network},
                              {&petition_, std::string(petition), LimitKey::petition}};
    // For IPv4 the wide key is the /24 again: counting it twice would halve its limit.
    if (network.wide != network.narrow)
        checks.push_back({&wide_network_, network.wide, LimitKey::wide_network});
    if (as_number) checks.push_back({&as_, "as:" + std::to_string(*as_number), LimitKey::as});
    for (const auto& check : checks)
        if (const auto decision = check.buckets->peek(check.key, now); !decision.allowed)
            return {false, check.name, decision.retry_after};
    for (const auto& check : checks) check.buckets->take(check.key, now);
    return {};
}

SigningRateDecision SigningLimits::admit_domain(std::string_view domain, Clock::time_point now) {
    if (const auto decision = domain_.take(domain, now); !decision.allowed)
        return {false, LimitKey::domain, decision.retry_after};
    return {};
}

}  // namespace rempart::shield
