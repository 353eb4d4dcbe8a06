// Who the legitimate visitor is, one person a signature: from a few /24s of Orange and Free
// (seen before the wave, so the server knows them), with a real-looking name and a mailbox
// of their own. Pure and seeded.
#pragma once

#include <cstdint>
#include <span>

#include "plan.hpp"

namespace rempart::attack {

// The visitor's /24s (127.a.b.0). The botnet never sends from these.
std::span<const std::uint32_t> visitor_networks();

// The n-th person, as a signing attempt (not fake, never confirmed): a mailbox no one else
// of the run has, a postcode, sometimes a comment. Addresses turn over every host of every
// network before one comes back, so at a signature a second each /24 signs 15 times a
// minute and each address once in 17 minutes: far under the signing limits (60 a /24, 10
// an address).
PlannedAttempt visitor_person(std::uint64_t n, std::uint64_t seed);

}  // namespace rempart::attack
