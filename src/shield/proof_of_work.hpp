// The proof of work asked of a signer's browser: ALTCHA challenges (protocol v1, SHA-256),
// made and checked here, each solution usable once.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/string_map.hpp"

namespace rempart::shield {

struct Challenge {
    std::string algorithm = "SHA-256";
    std::string challenge;  // hex SHA-256 of salt + decimal(number)
    std::uint64_t maxnumber = 0;
    std::string salt;       // random hex, then "?expires=<unix seconds>&"
    std::string signature;  // hex HMAC-SHA-256 of `challenge`, keyed by the server's secret
};

// The JSON the ALTCHA widget expects from GET /altcha/challenge.
std::string to_json(const Challenge& challenge);

enum class PowVerdict {
    accepted,
    malformed,        // not base64, not JSON, a field missing or of the wrong type, too large
    test_payload,     // the widget's test mode: never a real solution
    wrong_algorithm,  // only SHA-256 is offered
    bad_signature,    // not a challenge of ours, or altered
    wrong_solution,   // the number does not give the challenge
    expired,
    replayed,  // this challenge was already used
};

std::string_view to_string(PowVerdict verdict);

// What a challenge is for: the signing form's, or the under-attack gate's. It rides in the
// signed salt, so a solution to one kind never passes for the other.
enum class ChallengeUse { signing, gate };

// What the server had written into a challenge, read back once its signature is ours.
struct PowClaims {
    std::uint64_t difficulty = 0;  // its max number; 0 when the salt does not say
    ChallengeUse use = ChallengeUse::signing;
    // What the payload says of its solving: the number found, and the milliseconds the
    // solver reports (the widget's `took`; absent or not a number: none).
    std::int64_t number = 0;
    std::optional<std::int64_t> took_ms;
};

class ProofOfWork {
  public:
    // `secret` signs challenges: keep it private and stable across restarts. Each
    // ProofOfWork (each start of the server) writes a random mark of its own into the
    // challenges it makes and takes only those: the solutions it remembers are lost with
    // it, and so are the challenges they solved, which it refuses as expired.
    explicit ProofOfWork(std::string secret);
    // The same with a chosen mark (hex digits), for tests.
    ProofOfWork(std::string secret, std::string start);

    // A fresh challenge whose number lies in [0, max_number]: the browser tries about half
    // of them on average, so the work grows with max_number, the check does not.
    Challenge create(std::uint64_t max_number, std::int64_t expires_at,
                     ChallengeUse use = ChallengeUse::signing) const;
    // The same with a chosen salt and number, for tests.
    Challenge create(std::string_view salt_hex, std::uint64_t number, std::uint64_t max_number,
                     std::int64_t expires_at, ChallengeUse use = ChallengeUse::signing) const;

    // Checks a payload (base64 of the widget's JSON). The cheap checks come first (size,
    // signature, expiry), so a flood of forged payloads costs one HMAC each. An accepted
    // challenge is remembered until it expires and refused after that; one made before
    // the server's start is refused as expired.
    PowVerdict verify(std::string_view payload_base64, std::int64_t now);
    // The same, and gives what the challenge claims once its signature is known to be ours.
    PowVerdict verify(std::string_view payload_base64, std::int64_t now, PowClaims* claims);

    std::size_t remembered() const;

  private:
    std::string sign(std::string_view challenge_hex) const;
    void forget_expired(std::int64_t now);

    std::string secret_;
    std::string start_;
    mutable std::mutex mutex_;
    StringMap<std::int64_t> used_;  // challenge → when it expires
    std::int64_t next_sweep_ = 0;
};

}  // namespace rempart::shield
