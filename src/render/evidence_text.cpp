// The defence's reasons in the reader's language.
#include "render/evidence_text.hpp"

#include <sstream>

#include "defence/model/reasons.hpp"

namespace rempart::render {

std::vector<std::string> evidence_sentences(const Messages& messages, Language language,
                                            std::string_view stored) {
    std::vector<std::string> sentences;
    std::istringstream lines{std::string(stored)};
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        const auto reasons = defence::read_reasons(line);
        if (reasons.empty()) {
            sentences.push_back(line);
            continue;
        }
        const auto& reason = reasons.front();
        const auto number = [&](std::size_t n) {
            return format_number(language, static_cast<std::int64_t>(n));
        };
        const auto percent = reason.of == 0 ? 0 : (reason.count * 100 + reason.of / 2) / reason.of;
        const bool confirmations = reason.subject == "confirmations";
        std::string key = "evidence." + std::string(defence::to_string(reason.signal));
        if (reason.signal == defence::Signal::instant_proofs && confirmations)
            key = "evidence.instant_confirmations";
        const std::string subject_key = reason.signal == defence::Signal::repetition
                                            ? "evidence.subject_" + reason.subject
                                            : "evidence.noun_" + reason.subject;
        sentences.push_back(fill(messages.text(language, key),
                                 {{"count", number(reason.count)},
                                  {"of", number(reason.of)},
                                  {"percent", std::to_string(percent)},
                                  {"subject", std::string(messages.text(language, subject_key))}}));
    }
    return sentences;
}

}  // namespace rempart::render
