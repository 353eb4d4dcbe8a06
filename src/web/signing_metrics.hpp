// Counters of signing outcomes, and how /metrics shows them.
#pragma once

#include <atomic>
#include <cstdint>

#include "metrics/metrics.hpp"

namespace rempart::web {

// Counters of signing outcomes, for /metrics.
struct SigningCounters {
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> duplicate{0};
    std::atomic<std::uint64_t> invalid{0};
    std::atomic<std::uint64_t> proof_of_work{0};
    std::atomic<std::uint64_t> disposable{0};
    std::atomic<std::uint64_t> no_mail{0};
    std::atomic<std::uint64_t> rate_limited{0};
    std::atomic<std::uint64_t> banned{0};
    std::atomic<std::uint64_t> mailbox_capped{0};
    std::atomic<std::uint64_t> store_busy{0};
    std::atomic<std::uint64_t> confirmed{0};
    std::atomic<std::uint64_t> withdrawn{0};
};

// Adds rempart_signing_attempts_total{verdict=...} and rempart_signature_changes_total to
// /metrics.
void add_signing_metrics(metrics::Registry& metrics, const SigningCounters& counters);

}  // namespace rempart::web
