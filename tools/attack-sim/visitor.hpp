// A legitimate visitor beside the flood: people from Orange and Free who read the petition
// and sign it at a steady pace, passing the gate as a browser does when it stands. Every
// request's latency is measured; anything but the expected answer is a failure (a 429 or
// a shed 503 on a real person's request included).
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "latency_histogram.hpp"

namespace rempart::attack {

struct VisitorOptions {
    std::uint16_t port = 0;
    std::string petition;
    double signatures_per_s = 1;
    unsigned reads_per_signature = 2;  // GET / then GET /petitions/{slug}, before signing
    double duration_s = 60;
    std::uint64_t seed = 1;
    std::filesystem::path log;  // every request as CSV, for figures by phase; empty: none
    const std::atomic<bool>* stop = nullptr;
};

// Requests of one kind: page reads, or the signature's challenge and form.
struct VisitorSide {
    std::uint64_t requests = 0;
    std::uint64_t failures = 0;
    std::map<unsigned, std::uint64_t> statuses;
    LatencyHistogram latency;
};

struct VisitorReport {
    std::string petition;
    double elapsed_s = 0;
    std::uint64_t people = 0;
    std::uint64_t signatures_accepted = 0;  // 303 to the thanks page
    VisitorSide reads, signing;
    // The gate met on a read: its 503, the challenge and the pass, apart from the reads.
    std::uint64_t gate_met = 0;
    std::uint64_t gate_passes = 0;
    std::uint64_t gate_failures = 0;
    LatencyHistogram gate_latency;  // the three requests of a pass and the solving, together
    double max_lag_s = 0;           // how far behind its pace a person started
};

VisitorReport run_visitor(const VisitorOptions& options);
std::string to_json(const VisitorReport& report);
std::string summary(const VisitorReport& report);

}  // namespace rempart::attack
