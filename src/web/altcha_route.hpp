// GET /altcha/challenge: a fresh proof-of-work challenge for the signing form's widget.
#pragma once

#include "http/router.hpp"
#include "shield/difficulty.hpp"
#include "shield/proof_of_work.hpp"
#include "shield/settings.hpp"

namespace rempart::web {

// The difficulty keys of a signing client: the petition and the client's networks, as
// both the challenge and the check of its solution see them.
struct DifficultyKeys {
    std::string petition;
    std::string address;
    std::string narrow;
    std::string wide;
};
DifficultyKeys difficulty_keys(std::string_view petition_slug, std::string_view client_ip);
std::uint64_t required_difficulty(const shield::Difficulty& difficulty, const DifficultyKeys& keys,
                                  std::int64_t now);

// `pow`, `difficulty` and `shield` must outlive the router. `?petition=<slug>` asks for the
// difficulty that petition and this client's networks call for now.
void add_altcha_route(http::Router& router, const shield::ProofOfWork& pow,
                      const shield::Difficulty& difficulty, const shield::ShieldSettings& shield);

}  // namespace rempart::web
