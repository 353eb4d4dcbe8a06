// Refused signing attempts counted in memory and handed over as summaries, one per
// petition, network, verdict and minute: a flood of junk leaves its evidence (who sent
// what, when, how much) without a row or a log line per request.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rempart::signatures {

struct RefusalSummary {
    std::int64_t minute_ms = 0;  // the minute's start
    std::int64_t petition_id = 0;
    std::string network;  // IPv4 /24, IPv6 /64; "other" once the tally is full
    std::optional<std::int64_t> asn;
    std::string verdict;  // "pow_missing", "rate_limited_ip", ...
    std::int64_t attempts = 0;
    std::int64_t first_ms = 0;
    std::int64_t last_ms = 0;
    std::string sample_ip;  // the first address seen, for a complaint
    std::string sample_user_agent;
};

struct RefusedAttempt {
    std::int64_t at_ms = 0;
    std::int64_t petition_id = 0;
    std::string_view network;
    std::optional<std::int64_t> asn;
    std::string_view verdict;
    std::string_view ip;
    std::string_view user_agent;
};

class RefusalTally {
  public:
    // Past `max_keys` summaries between two takes, new networks are counted together under
    // "other" (per petition, verdict and minute), so memory stays bounded under any flood.
    RefusalTally() = default;
    explicit RefusalTally(std::size_t max_keys);

    void count(const RefusedAttempt& attempt);
    // Everything counted since the last take, oldest minute first.
    std::vector<RefusalSummary> take();
    std::size_t pending() const;

  private:
    std::size_t max_keys_ = 10000;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, RefusalSummary> summaries_;
};

}  // namespace rempart::signatures
