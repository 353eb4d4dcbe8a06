// GET /altcha/challenge: a fresh proof-of-work challenge for the signing form's widget.
#pragma once

#include "core/config.hpp"
#include "http/router.hpp"
#include "shield/proof_of_work.hpp"

namespace rempart::web {

// `pow` and `shield` must outlive the router.
void add_altcha_route(http::Router& router, const shield::ProofOfWork& pow,
                      const ShieldConfig& shield);

}  // namespace rempart::web
