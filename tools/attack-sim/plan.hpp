// A scenario's plan: every signing attempt the simulator will make, when, from where, and
// whether and when its mail gets confirmed. Plain values, built by the scenarios.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rempart::attack {

// A signer (or a script) that clicks the mail's link and then the confirm button.
struct Confirmation {
    double delay_s = 0;  // after the mail arrives
    std::string ip;      // sent in X-Forwarded-For
};

struct PlannedAttempt {
    double offset_s = 0;  // from the start of the replay
    std::string ip;       // sent in X-Forwarded-For
    std::string name;
    std::string email;
    std::string postcode;  // empty: not given
    std::string comment;   // empty: not given
    std::string user_agent;
    bool is_fake = false;
    std::optional<Confirmation> confirmation;  // none: the mail is never confirmed
};

struct Plan {
    std::string scenario;
    std::uint64_t seed = 0;
    double duration_s = 0;
    std::vector<PlannedAttempt> attempts;  // sorted by offset
};

}  // namespace rempart::attack
