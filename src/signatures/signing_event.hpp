// What one signing attempt, confirmation or withdrawal, or one proposal or report of a
// petition, leaves for the defence engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rempart::signatures {

struct SigningEvent {
    // A proposal is counted as an attempt under its author's name, mail domain and title;
    // a report under its reason. Both are stored apart from signing (submission_events).
    enum class Kind { attempt, confirmation, withdrawal, proposal, report };
    Kind kind = Kind::attempt;
    std::int64_t at_ms = 0;
    std::optional<std::int64_t> petition_id;  // for a proposal, the petition it proposes
    std::optional<std::int64_t> signature_id;
    std::optional<std::int64_t> report_id;
    std::string verdict;  // "accepted", "duplicate", "invalid", "disposable", "no_mail", ...
    std::string ip;
    std::string network;  // IPv4 /24, IPv6 /64
    std::optional<std::int64_t> asn;
    std::string email_domain;
    std::string name_key;     // keyed hash of the normalised name: equal names, equal keys
    std::string comment_key;  // the same for the comment; empty when there was none
    std::string user_agent;
    std::optional<std::int64_t> pow_difficulty;
    std::string pow_verdict;
    // What the proof of work's payload says of its solving: the number found and the time
    // the solver reports (the widget measures it; a script may report anything).
    std::optional<std::int64_t> pow_number;
    std::optional<std::int64_t> pow_took_ms;
    // Whether an AS table was there to look the address up in: without one, no address is
    // "unlisted".
    bool as_looked_up = false;
    std::optional<std::int64_t> seconds_after_signing;  // confirmations
    // The strongest sign of automation the defence saw in it (hosting, unlisted, robot,
    // instant), or empty; set by the defence before the event is written.
    std::string automation;
    // The hash of the signature's link token, kept in memory only: how the defence finds
    // an attempt again when its signature is confirmed.
    std::string link_key;
};

}  // namespace rempart::signatures
