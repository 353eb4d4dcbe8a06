// Whether a value that repeats is a crowd to watch or an attack to act on: the defence
// acts by itself only when the repetition comes with signs of automation that real crowds
// do not have. Pure; each reason becomes one sentence on the incident page, in the
// reader's language (render/evidence_text).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "defence/model/reasons.hpp"

namespace rempart::defence::detect {

struct Observation;

struct Judgement {
    bool act = false;             // quarantine, raise the proof of work, ban
    std::vector<Reason> reasons;  // the signs of automation first
    // As the store keeps it (reasons_text): one reason a line.
    std::string text() const { return reasons_text(reasons); }
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

Judgement judge(const Observation& cluster, const JudgeRules& rules);

}  // namespace rempart::defence::detect
