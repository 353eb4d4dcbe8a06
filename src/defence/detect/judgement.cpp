// Whether a value that repeats is a crowd to watch or an attack to act on.
#include "defence/detect/judgement.hpp"

#include <algorithm>

#include "defence/detect/detector.hpp"

namespace rempart::defence::detect {

Judgement judge(const Observation& cluster, const JudgeRules& rules) {
    Judgement judgement;
    const auto of = static_cast<std::size_t>(cluster.attempts_in_window);
    const auto automated = [&](std::size_t count, std::size_t out_of) {
        return count >= rules.min_automated &&
               static_cast<double>(count) >= rules.automated_share * static_cast<double>(out_of);
    };
    const bool confirmations = cluster.dimension == Dimension::confirm_network;
    const std::string noun = confirmations ? "confirmations" : "attempts";
    const auto add = [&](Signal signal, std::size_t count, std::size_t out_of,
                         std::string subject) {
        judgement.reasons.push_back({signal, count, out_of, false, std::move(subject)});
    };
    // What sent them and how fast: a browser's own doing. Proofs are judged among those
    // large enough to time; confirmations within seconds among all.
    bool robots_or_speed = false;
    if (const auto n = cluster.with_trait[2]; automated(n, of)) {
        add(Signal::robot_agents, n, of, noun);
        robots_or_speed = true;
    }
    const auto timed = confirmations ? of : cluster.timed;
    if (const auto n = cluster.with_trait[3]; automated(n, timed)) {
        add(Signal::instant_proofs, n, timed, noun);
        robots_or_speed = true;
    }
    if (automated(cluster.confirmed_by_script, cluster.confirmed)) {
        add(Signal::scripted_confirmations, cluster.confirmed_by_script, cluster.confirmed,
            "confirmations");
        robots_or_speed = true;
    }
    // Where from: people on a VPN come from data centres too, so it is shown beside and
    // never acts on its own.
    const std::pair<std::size_t, Signal> origins[] = {{0, Signal::hosting}, {1, Signal::unlisted}};
    for (const auto& [trait, signal] : origins)
        if (const auto n = cluster.with_trait[trait]; automated(n, of)) add(signal, n, of, noun);
    if (automated(cluster.confirmed_from_data_centres, cluster.confirmed))
        add(Signal::confirmations_from_hosting, cluster.confirmed_from_data_centres,
            cluster.confirmed, "confirmations");
    judgement.act = robots_or_speed;
    for (auto& reason : judgement.reasons) reason.acts = robots_or_speed;
    // Concentration alone is how a campus or a company signs: shown, never acted on.
    const auto networks = static_cast<std::size_t>(cluster.distinct_networks);
    if (networks > 0 &&
        static_cast<double>(of) >= rules.attempts_per_network * static_cast<double>(networks))
        add(Signal::few_networks, of, networks, noun);
    if (!judgement.act)
        judgement.reasons.insert(
            judgement.reasons.begin(),
            {Signal::repetition, of, static_cast<std::size_t>(cluster.window_total), false,
             std::string(to_string(cluster.dimension))});
    std::stable_sort(judgement.reasons.begin(), judgement.reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.acts > b.acts; });
    return judgement;
}

}  // namespace rempart::defence::detect
