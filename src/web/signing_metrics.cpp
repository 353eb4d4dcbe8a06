// Counters of signing outcomes, and how /metrics shows them.
#include "web/signing_metrics.hpp"

#include <utility>

#include "metrics/prometheus_text.hpp"

namespace rempart::web {

void add_signing_metrics(metrics::Registry& metrics, const SigningCounters& counters) {
    metrics.add_collector([&counters](metrics::PrometheusText& text) {
        auto& attempts = text.family("rempart_signing_attempts_total", metrics::MetricType::counter,
                                     "Signing attempts by verdict.");
        const std::pair<const char*, const std::atomic<std::uint64_t>*> rows[] = {
            {"accepted", &counters.accepted},
            {"duplicate", &counters.duplicate},
            {"invalid", &counters.invalid},
            {"proof_of_work", &counters.proof_of_work},
            {"disposable", &counters.disposable},
            {"no_mail", &counters.no_mail},
            {"rate_limited", &counters.rate_limited},
            {"banned", &counters.banned},
            {"mailbox_capped", &counters.mailbox_capped},
            {"store_busy", &counters.store_busy},
        };
        for (const auto& [verdict, value] : rows)
            attempts.sample({{"verdict", verdict}}, value->load());
        auto& changes = text.family("rempart_signature_changes_total", metrics::MetricType::counter,
                                    "Confirmations and withdrawals.");
        changes.sample({{"change", "confirmed"}}, counters.confirmed.load());
        changes.sample({{"change", "withdrawn"}}, counters.withdrawn.load());
    });
}

}  // namespace rempart::web
