// Whether a value that repeats is a crowd to watch or an attack to act on: the defence
// acts by itself only when the repetition comes with signs of automation that real crowds
// do not have. Pure; each reason is one sentence for the incident page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rempart::detect {

struct Cluster;

// What the defence may find in a cluster's attempts.
enum class Signal {
    repetition,              // the value itself: a reason to look, not to act
    hosting,                 // sent from data centres
    unlisted,                // sent from addresses no AS announces
    robot_agents,            // sent by HTTP libraries or headless browsers
    instant_proofs,          // proofs of work solved faster than a browser can
    scripted_confirmations,  // confirmed from data centres, by robots or within seconds
    few_networks,            // many attempts from few networks (a campus does this too)
};
std::string_view to_string(Signal signal);

struct Reason {
    Signal signal = Signal::hosting;
    std::size_t count = 0;  // attempts (or confirmations) showing it
    std::size_t of = 0;     // out of
    bool acts = false;      // a sign of automation, not only of concentration
    std::string sentence;
};

struct Judgement {
    bool act = false;             // quarantine, raise the proof of work, ban
    std::vector<Reason> reasons;  // the signs of automation first
    // One sentence a line: what the incident or watch page shows.
    std::string text() const;
};

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
