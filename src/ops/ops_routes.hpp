// Routes for operators and their tools: GET /healthz and GET /metrics.
#pragma once

#include "http/router.hpp"
#include "metrics/metrics.hpp"
#include "ops/metrics_readers.hpp"
#include "web/site.hpp"

namespace rempart::ops {

// /healthz answers anyone; /metrics only those `readers` allows, others get 403 or 401
// with a word in their language and nothing more. `metrics` and `site` must outlive the
// router.
void add_ops_routes(http::Router& router, const metrics::Registry& metrics, MetricsReaders readers,
                    const web::Site& site);

}  // namespace rempart::ops
