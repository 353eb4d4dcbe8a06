// What a replay did, as the attacker and the crowd saw it: requests sent, answers by
// status, attempts accepted, confirmations sent, with times; as JSON and as a summary.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rempart::attack {

// Counts for one side of a replay: the fake signers, or the real ones.
struct SideCounts {
    std::uint64_t attempts = 0;  // attempts started
    std::uint64_t requests = 0;  // every request: challenges, forms, confirmations
    std::uint64_t refused = 0;   // answers other than 200 and 303, no answer included
    std::uint64_t accepted = 0;  // forms answered 303 (the thanks page)
    std::uint64_t unsolved = 0;  // challenges not fetched or not solved: no form sent
    std::uint64_t hashes = 0;    // proof-of-work hashes computed
    std::uint64_t max_difficulty = 0;
    std::uint64_t mails = 0;  // confirmation mails received
    std::uint64_t confirmations_sent = 0;
    std::uint64_t confirmations_accepted = 0;  // answered 303
    std::uint64_t confirmations_left = 0;      // due after the replay ended: never sent
    std::map<unsigned, std::uint64_t> challenge_status;
    std::map<unsigned, std::uint64_t> sign_status;
    std::map<unsigned, std::uint64_t> confirm_status;
};

// One second of the replay.
struct Second {
    std::uint64_t fake_sent = 0, fake_accepted = 0, legit_sent = 0, legit_accepted = 0,
                  confirmations = 0;
};

struct Report {
    std::string scenario;
    std::uint64_t seed = 0;
    std::string petition;
    std::int64_t started_ms = 0;     // Unix milliseconds
    std::int64_t first_fake_ms = 0;  // the attacker's first request; 0: none
    std::int64_t last_fake_ms = 0;
    std::int64_t finished_ms = 0;
    SideCounts fake, legit;
    double max_lag_s = 0;             // how far behind its plan an attempt started
    std::uint64_t late_attempts = 0;  // more than a second behind
    std::vector<Second> timeline;
};

std::string to_json(const Report& report);
// A few lines for a person.
std::string summary(const Report& report);

}  // namespace rempart::attack
