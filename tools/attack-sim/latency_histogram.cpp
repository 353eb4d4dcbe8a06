// Latencies in log-linear buckets, as HdrHistogram keeps them.
#include "latency_histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace rempart::attack {

// Values below 64 µs have a bucket each; above, a power of two is cut in 64 equal parts.
std::size_t LatencyHistogram::bucket_of(std::uint64_t us) {
    if (us < sub_count) return static_cast<std::size_t>(us);
    const unsigned power = std::bit_width(us) - 1;  // us in [2^power, 2^(power+1))
    const unsigned shift = power - sub_bits;
    const auto sub = static_cast<std::size_t>((us >> shift) - sub_count);
    const auto bucket = static_cast<std::size_t>(power - sub_bits + 1) * sub_count + sub;
    return std::min(bucket, std::size_t{(powers + 1) * sub_count - 1});
}

std::uint64_t LatencyHistogram::upper_bound_of(std::size_t bucket) {
    if (bucket < sub_count) return bucket;
    const unsigned group = static_cast<unsigned>(bucket / sub_count);  // 1 for [64, 128)
    const std::uint64_t sub = bucket % sub_count;
    const unsigned shift = group - 1;
    return (((sub_count + sub + 1) << shift)) - 1;
}

void LatencyHistogram::record(std::chrono::microseconds latency) {
    const auto us = static_cast<std::uint64_t>(std::max<std::int64_t>(0, latency.count()));
    ++buckets_[bucket_of(us)];
    ++count_;
    sum_us_ += us;
    max_ = std::max(max_, latency);
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < buckets_.size(); ++i) buckets_[i] += other.buckets_[i];
    count_ += other.count_;
    sum_us_ += other.sum_us_;
    max_ = std::max(max_, other.max_);
}

std::chrono::microseconds LatencyHistogram::quantile(double q) const {
    if (count_ == 0) return std::chrono::microseconds{0};
    const auto rank = static_cast<std::uint64_t>(
        std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(count_)));
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < buckets_.size(); ++i) {
        seen += buckets_[i];
        if (seen >= std::max<std::uint64_t>(rank, 1)) {
            const auto bound = static_cast<std::int64_t>(upper_bound_of(i));
            return std::min(std::chrono::microseconds{bound}, max_);
        }
    }
    return max_;
}

double LatencyHistogram::mean_ms() const {
    return count_ ? static_cast<double>(sum_us_) / static_cast<double>(count_) / 1000.0 : 0;
}

}  // namespace rempart::attack
