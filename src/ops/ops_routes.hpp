// Routes for operators and their tools: GET /healthz and GET /metrics.
#pragma once

#include "http/router.hpp"
#include "metrics/metrics.hpp"

namespace rempart::ops {

// `metrics` must outlive the router.
void add_ops_routes(http::Router& router, const metrics::Registry& metrics);

}  // namespace rempart::ops
