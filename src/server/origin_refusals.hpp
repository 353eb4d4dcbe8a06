// Requests refused for coming from another site: counted by verdict, shown in the metrics
// and summed up in one log line a second.
#pragma once

#include <boost/asio/awaitable.hpp>

#include <array>
#include <atomic>
#include <cstdint>

#include "http/request_origin.hpp"
#include "metrics/metrics.hpp"

namespace rempart::server {

// Requests the origin check refused, by verdict, since the start.
class OriginRefusals {
  public:
    void count(http::OriginVerdict verdict) {
        counts_[static_cast<std::size_t>(verdict)].fetch_add(1, std::memory_order_relaxed);
    }
    std::uint64_t of(http::OriginVerdict verdict) const {
        return counts_[static_cast<std::size_t>(verdict)].load(std::memory_order_relaxed);
    }

  private:
    std::array<std::atomic<std::uint64_t>, http::origin_verdict_count> counts_{};
};

// rempart_origin_refused_total{verdict=...}: requests refused for coming from another site.
void add_origin_metrics(metrics::Registry& metrics, const OriginRefusals& refusals);

// Writes one ORIGIN_REFUSED line a second while the origin check refuses, summing up that
// second: a hostile page with many visitors must not fill the disk.
boost::asio::awaitable<void> run_origin_log(const OriginRefusals& refusals);

}  // namespace rempart::server
