// Whether a value that repeats is a crowd to watch or an attack to act on.
#include "detect/judgement.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "detect/detector.hpp"

namespace rempart::detect {
std::string_view to_string(Signal signal) {
    switch (signal) {
        case Signal::repetition:
            return "repetition";
        case Signal::hosting:
            return "hosting";
        case Signal::unlisted:
            return "unlisted";
        case Signal::robot_agents:
            return "robot_agents";
        case Signal::instant_proofs:
            return "instant_proofs";
        case Signal::confirmations_from_hosting:
            return "confirmations_from_hosting";
        case Signal::scripted_confirmations:
            return "scripted_confirmations";
        case Signal::few_networks:
            return "few_networks";
    }
    return "";
}

std::optional<Signal> parse_signal(std::string_view text) {
    for (const auto signal :
         {Signal::repetition, Signal::hosting, Signal::unlisted, Signal::robot_agents,
          Signal::instant_proofs, Signal::confirmations_from_hosting,
          Signal::scripted_confirmations, Signal::few_networks})
        if (to_string(signal) == text) return signal;
    return std::nullopt;
}

std::string Judgement::text() const {
    std::string text;
    for (const auto& reason : reasons) {
        if (!text.empty()) text += '\n';
        text += std::string(to_string(reason.signal)) + ' ' + std::to_string(reason.count) + ' ' +
                std::to_string(reason.of) + ' ' + reason.subject;
    }
    return text;
}

std::vector<Reason> read_reasons(std::string_view text) {
    std::vector<Reason> reasons;
    std::istringstream lines{std::string(text)};
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::string signal, count, of, subject, more;
        if (!(words >> signal >> count >> of >> subject) || (words >> more)) continue;
        Reason reason;
        const auto parsed = parse_signal(signal);
        const auto number = [](const std::string& word, std::size_t& value) {
            const auto [end, error] =
                std::from_chars(word.data(), word.data() + word.size(), value);
            return error == std::errc() && end == word.data() + word.size();
        };
        if (!parsed || !number(count, reason.count) || !number(of, reason.of)) continue;
        reason.signal = *parsed;
        reason.subject = subject;
        // Whether it acted is not kept: the sentence reads the same either way.
        reasons.push_back(std::move(reason));
    }
    return reasons;
}

Judgement judge(const Cluster& cluster, const JudgeRules& rules) {
    Judgement judgement;
    const auto of = cluster.count;
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
    if (cluster.distinct_networks > 0 &&
        static_cast<double>(of) >=
            rules.attempts_per_network * static_cast<double>(cluster.distinct_networks))
        add(Signal::few_networks, of, cluster.distinct_networks, noun);
    if (!judgement.act)
        judgement.reasons.insert(judgement.reasons.begin(),
                                 {Signal::repetition, of, cluster.window_total, false,
                                  std::string(to_string(cluster.dimension))});
    std::stable_sort(judgement.reasons.begin(), judgement.reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.acts > b.acts; });
    return judgement;
}

}  // namespace rempart::detect
