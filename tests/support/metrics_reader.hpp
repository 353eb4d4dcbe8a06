// What the server's /metrics says, for tests that watch a counter or a gauge move.
#pragma once

#include <cstdint>
#include <string>

namespace rempart::testing {

// The value of one series of GET /metrics, written as Prometheus writes it, labels
// included: metric_value(port, "rempart_gate_on") or
// metric_value(port, "rempart_shield_decisions_total{decision=\"gated\"}"). -1 when the
// series is not there or /metrics does not answer.
double metric_value(std::uint16_t port, const std::string& series);

}  // namespace rempart::testing
