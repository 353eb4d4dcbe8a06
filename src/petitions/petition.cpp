// Petition states as text, for the store and the API, and whether a petition is open.
#include "petitions/petition.hpp"

#include <algorithm>

namespace rempart {

std::string_view to_string(PetitionState state) {
    switch (state) {
        case PetitionState::draft:
            return "draft";
        case PetitionState::published:
            return "published";
        case PetitionState::closed:
            return "closed";
        case PetitionState::archived:
            return "archived";
        case PetitionState::pending:
            return "pending";
        case PetitionState::rejected:
            return "rejected";
        case PetitionState::removed:
            return "removed";
    }
    return "draft";
}

std::optional<PetitionState> parse_petition_state(std::string_view text) {
    for (const auto state : {PetitionState::draft, PetitionState::pending, PetitionState::published,
                             PetitionState::closed, PetitionState::archived,
                             PetitionState::rejected, PetitionState::removed})
        if (text == to_string(state)) return state;
    return std::nullopt;
}

std::string public_short_name(std::string_view name) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < name.size()) {
        while (at < name.size() && name[at] == ' ') ++at;
        const auto end = std::min(name.find(' ', at), name.size());
        if (end > at) words.push_back(name.substr(at, end - at));
        at = end;
    }
    if (words.empty()) return {};
    std::string shown(words.front());
    if (words.size() == 1) return shown;
    // The initial is the last word's first character, whole in UTF-8 ("É.", not half of it).
    const auto last = words.back();
    std::size_t length = 1;
    const auto lead = static_cast<unsigned char>(last[0]);
    if (lead >= 0xF0)
        length = 4;
    else if (lead >= 0xE0)
        length = 3;
    else if (lead >= 0xC0)
        length = 2;
    return shown + " " + std::string(last.substr(0, std::min(length, last.size()))) + ".";
}

bool is_refused(const Petition& petition) {
    return petition.state == PetitionState::rejected || petition.state == PetitionState::removed;
}

bool has_public_address(const Petition& petition) {
    return petition.state != PetitionState::draft && petition.state != PetitionState::pending;
}

bool collects_signatures(const Petition& petition, std::int64_t now) {
    return petition.state == PetitionState::published &&
           (!petition.ends_at || now < *petition.ends_at);
}

}  // namespace rempart
