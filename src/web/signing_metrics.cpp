// Counters of signing outcomes, and how /metrics shows them.
#include "web/signing_metrics.hpp"

#include <string>
#include <utility>

namespace rempart::web {

void add_signing_metrics(metrics::Registry& metrics, const SigningCounters& counters) {
    metrics.add_collector([&counters](std::string& out) {
        out += "# HELP rempart_signing_attempts_total Signing attempts by verdict.\n";
        out += "# TYPE rempart_signing_attempts_total counter\n";
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
            out += std::string("rempart_signing_attempts_total{verdict=\"") + verdict + "\"} " +
                   std::to_string(value->load()) + "\n";
        out += "# HELP rempart_signature_changes_total Confirmations and withdrawals.\n";
        out += "# TYPE rempart_signature_changes_total counter\n";
        out += "rempart_signature_changes_total{change=\"confirmed\"} " +
               std::to_string(counters.confirmed.load()) + "\n";
        out += "rempart_signature_changes_total{change=\"withdrawn\"} " +
               std::to_string(counters.withdrawn.load()) + "\n";
    });
}

}  // namespace rempart::web
