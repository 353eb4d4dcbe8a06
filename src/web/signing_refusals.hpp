// How a refused signature is answered and counted: one status, counter and page a verdict.
#pragma once

#include <chrono>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"
#include "petitions/petition.hpp"
#include "shield/signing_limits.hpp"
#include "signatures/signing_decision.hpp"
#include "signatures/signing_form.hpp"
#include "web/signing_request.hpp"
#include "web/signing_services.hpp"

namespace rempart::web::signing {

// What one refused attempt is answered with, gathered as the checks go.
struct Refusal {
    std::chrono::seconds retry_after{0};
    shield::LimitKey limit = shield::LimitKey::none;
    const signatures::SigningForm* form = nullptr;  // read: the page shows it again
    std::vector<signatures::FieldError> errors;
};

// Counted in memory and written later as a summary (per petition, network, verdict and
// minute): no row, no log line, and the detector never sees it, so that junk from one
// address can get that address refused but never its network, its AS or an incident.
http::Response refuse(SigningServices& services, const http::Request& request,
                      const Petition& petition, const Client& client, signatures::Verdict verdict,
                      Refusal refusal);

}  // namespace rempart::web::signing
