// What an incident is about, named for the store and the messages.
#include "defence/model/subject.hpp"

namespace rempart::defence {

std::string_view to_string(Subject subject) {
    switch (subject) {
        case Subject::signatures:
            return "signatures";
        case Subject::proposals:
            return "proposals";
        case Subject::reports:
            return "reports";
    }
    return {};
}

std::optional<Subject> parse_subject(std::string_view text) {
    for (const auto subject : {Subject::signatures, Subject::proposals, Subject::reports})
        if (to_string(subject) == text) return subject;
    return std::nullopt;
}

}  // namespace rempart::defence
