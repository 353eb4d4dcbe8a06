// Why the defence acted or watched, as the store keeps it and as it is read back.
#include "defence/model/reasons.hpp"

#include <charconv>
#include <sstream>

namespace rempart::defence {

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

std::string reasons_text(const std::vector<Reason>& reasons) {
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
        reasons.push_back(std::move(reason));
    }
    return reasons;
}

}  // namespace rempart::defence
