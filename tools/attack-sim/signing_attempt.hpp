// One planned attempt sent as a browser (or a script) sends it: the challenge fetched and
// solved, the form posted through the proxy; and one confirmation posted.
#pragma once

#include <cstdint>
#include <string>

#include "client/signing_client.hpp"
#include "keep_alive_client.hpp"
#include "plan.hpp"

namespace rempart::attack {

struct AttemptOutcome {
    unsigned challenge_status = 0;
    unsigned sign_status = 0;  // 0: the form was not sent (no challenge, or not solved)
    std::uint64_t difficulty = 0;
    std::uint64_t hashes = 0;
    unsigned requests = 0;
};

// The signing form's fields for an attempt, with the solved proof of work's payload.
testing::Fields signing_form(const PlannedAttempt& attempt, const std::string& altcha);

AttemptOutcome send_attempt(KeepAliveClient& client, const std::string& petition,
                            const PlannedAttempt& attempt);

// POST /s/{token}/confirm from `ip`; the status (303 when confirmed, 0: no answer).
unsigned send_confirmation(KeepAliveClient& client, const std::string& token, const std::string& ip,
                           const std::string& user_agent);

}  // namespace rempart::attack
