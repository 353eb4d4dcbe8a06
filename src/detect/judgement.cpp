// Whether a value that repeats is a crowd to watch or an attack to act on.
#include "detect/judgement.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "detect/detector.hpp"

namespace rempart::detect {
namespace {

std::string_view what_repeats(const Cluster& cluster) {
    switch (cluster.dimension) {
        case Dimension::name:
            return "One full name";
        case Dimension::comment:
            return "One comment";
        case Dimension::email_domain:
            return "One mail domain";
        case Dimension::network:
            return "One network";
        case Dimension::as:
            return "One provider's network";
        case Dimension::user_agent:
            return "One browser signature";
        case Dimension::confirm_network:
            return "Confirmations from one network";
        case Dimension::automation:
            return "Attempts with signs of automation";
    }
    return "One value";
}

std::size_t percent(std::size_t count, std::size_t of) {
    return of == 0 ? 0 : (count * 100 + of / 2) / of;
}

}  // namespace

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
        case Signal::scripted_confirmations:
            return "scripted_confirmations";
        case Signal::few_networks:
            return "few_networks";
    }
    return "";
}

std::string Judgement::text() const {
    std::string text;
    for (const auto& reason : reasons) {
        if (!text.empty()) text += '\n';
        text += reason.sentence;
    }
    return text;
}

Judgement judge(const Cluster& cluster, const JudgeRules& rules) {
    Judgement judgement;
    const auto of = cluster.count;
    const auto automated = [&](std::size_t count, std::size_t out_of) {
        return count >= rules.min_automated &&
               static_cast<double>(count) >= rules.automated_share * static_cast<double>(out_of);
    };
    const auto add = [&](Signal signal, std::size_t count, std::size_t out_of, bool acts,
                         std::string sentence) {
        judgement.reasons.push_back({signal, count, out_of, acts, std::move(sentence)});
        judgement.act = judgement.act || acts;
    };
    const bool confirmations = cluster.dimension == Dimension::confirm_network;
    const char* noun = confirmations ? "confirmations" : "attempts";

    if (const auto n = cluster.with_trait[0]; automated(n, of))
        add(Signal::hosting, n, of, true,
            fmt::format("{} of these {} {} came from data centres (hosting providers), where "
                        "scripts run and people do not browse.",
                        n, of, noun));
    if (const auto n = cluster.with_trait[1]; automated(n, of))
        add(Signal::unlisted, n, of, true,
            fmt::format("{} of these {} {} came from addresses that no provider announces on "
                        "the Internet.",
                        n, of, noun));
    if (const auto n = cluster.with_trait[2]; automated(n, of))
        add(Signal::robot_agents, n, of, true,
            fmt::format("{} of these {} {} were sent by programs that say they are not a web "
                        "browser (no user agent, an HTTP library or a headless browser).",
                        n, of, noun));
    if (const auto n = cluster.with_trait[3]; automated(n, of))
        add(Signal::instant_proofs, n, of, true,
            confirmations
                ? fmt::format("{} of these {} confirmations came within seconds of the mail: "
                              "a script reading the mailbox, not a person opening it.",
                              n, of)
                : fmt::format("{} of these {} attempts solved their proof of work faster than "
                              "any web browser can.",
                              n, of));
    if (automated(cluster.confirmed_by_script, cluster.confirmed))
        add(Signal::scripted_confirmations, cluster.confirmed_by_script, cluster.confirmed, true,
            fmt::format("{} of the {} signatures confirmed were confirmed by script: from data "
                        "centres, by programs that are not browsers, or within seconds.",
                        cluster.confirmed_by_script, cluster.confirmed));
    // Concentration alone is how a campus or a company signs: shown, never acted on.
    if (cluster.distinct_networks > 0 &&
        static_cast<double>(of) >=
            rules.attempts_per_network * static_cast<double>(cluster.distinct_networks))
        add(Signal::few_networks, of, cluster.distinct_networks, false,
            fmt::format("These {} {} came from only {} networks; a campus or a company does "
                        "this too, so it is not enough on its own.",
                        of, noun, cluster.distinct_networks));
    if (!judgement.act) {
        judgement.reasons.insert(
            judgement.reasons.begin(),
            {Signal::repetition, of, cluster.window_total, false,
             fmt::format("{} came back {} times ({} % of the window) with no sign of "
                         "automation: real crowds repeat too (a suggested comment, an "
                         "association's own domain), so nothing was set aside.",
                         what_repeats(cluster), of, percent(of, cluster.window_total))});
    }
    std::stable_sort(judgement.reasons.begin(), judgement.reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.acts > b.acts; });
    return judgement;
}

}  // namespace rempart::detect
