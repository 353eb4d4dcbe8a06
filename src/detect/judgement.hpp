// Whether a value that repeats is a crowd to watch or an attack to act on: the defence
// acts by itself only when the repetition comes with signs of automation that real crowds
// do not have. Pure; each reason becomes one sentence on the incident page, in the
// reader's language (render/evidence_text).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rempart::detect {

struct Cluster;

// What the defence may find in a cluster's attempts. Signs of automation come in three
// kinds: where from (data centres, unlisted addresses), what sent them (robots) and how
// fast (instant proofs, confirmations within seconds). What and how fast are the sender's
// own doing and act; where from is shown beside and never acts on its own: people sign
// through VPNs, which run in data centres too.
enum class Signal {
    repetition,                  // the value itself: a reason to look, not to act
    hosting,                     // sent from data centres
    unlisted,                    // sent from addresses no AS announces
    robot_agents,                // sent by HTTP libraries or headless browsers
    instant_proofs,              // proofs of work solved faster than a browser can
    confirmations_from_hosting,  // confirmed from data centres
    scripted_confirmations,      // confirmed by robots or within seconds of the mail
    few_networks,                // many attempts from few networks (a campus does this too)
};
std::string_view to_string(Signal signal);
std::optional<Signal> parse_signal(std::string_view text);

struct Reason {
    Signal signal = Signal::hosting;
    std::size_t count = 0;  // attempts (or confirmations) showing it
    std::size_t of = 0;     // out of (the window, for a repetition; networks, for few_networks)
    bool acts = false;      // it made the defence act (see Signal)
    // What is counted: "attempts" or "confirmations"; for a repetition, the dimension
    // that repeated ("comment", "email_domain", ...).
    std::string subject;
};

struct Judgement {
    bool act = false;             // quarantine, raise the proof of work, ban
    std::vector<Reason> reasons;  // the signs of automation first
    // As the store keeps it: one reason a line, "<signal> <count> <of> <subject>".
    std::string text() const;
};

// The reasons a text() holds; a line that does not read (written by an older version)
// is left out.
std::vector<Reason> read_reasons(std::string_view text);

struct JudgeRules {
    // A sign of automation acts when at least this many of the cluster's attempts show
    // it, and this share of them.
    std::size_t min_automated = 10;
    double automated_share = 0.5;
    // Concentration shown beside (never acting alone): this many attempts a network on
    // average. Households each have their own network; a campus or a company shares one.
    double attempts_per_network = 4;
};

Judgement judge(const Cluster& cluster, const JudgeRules& rules);

}  // namespace rempart::detect
