// Latencies of many requests in bounded memory: buckets at most 1.6 % wide from a
// microsecond to hours, so p50 and p99 of millions of requests cost a few kilobytes.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>

namespace rempart::attack {

class LatencyHistogram {
  public:
    void record(std::chrono::microseconds latency);
    void merge(const LatencyHistogram& other);

    std::uint64_t count() const { return count_; }
    // The latency under which a share `q` (0..1) of the requests fall, as the upper bound of
    // its bucket; zero when nothing was recorded.
    std::chrono::microseconds quantile(double q) const;
    std::chrono::microseconds max() const { return max_; }
    double mean_ms() const;

  private:
    // 64 sub-buckets for each power of two of microseconds, up to 2^42 (about 50 days).
    static constexpr unsigned sub_bits = 6;
    static constexpr unsigned sub_count = 1u << sub_bits;
    static constexpr unsigned powers = 36;
    static std::size_t bucket_of(std::uint64_t us);
    static std::uint64_t upper_bound_of(std::size_t bucket);

    std::array<std::uint64_t, (powers + 1) * sub_count> buckets_{};
    std::uint64_t count_ = 0;
    std::uint64_t sum_us_ = 0;
    std::chrono::microseconds max_{0};
};

}  // namespace rempart::attack
