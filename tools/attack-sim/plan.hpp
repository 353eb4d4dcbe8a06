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

// How the proof of work gets solved, as the payload's `took` then tells the server. A
// script's native solver claims the milliseconds it really needs (about one: threads and
// the CPU's SHA instructions); a person's browser widget needs number / hashes_per_ms,
// plus its start-up (page scripts, web workers), both set by the device.
struct Solver {
    enum class Kind { native, browser } kind = Kind::native;
    double hashes_per_ms = 0;  // browser: the device's speed
    double overhead_ms = 0;    // browser: the widget's fixed cost
};

struct PlannedAttempt {
    double offset_s = 0;  // from the start of the replay
    std::string ip;       // sent in X-Forwarded-For
    std::string name;
    std::string email;
    std::string postcode;  // empty: not given
    std::string comment;   // empty: not given
    std::string user_agent;
    Solver solver;  // native unless a scenario says a person's browser solves it
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
