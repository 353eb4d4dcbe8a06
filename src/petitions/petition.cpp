// Petition states as text, for the store and the API, and whether a petition is open.
#include "petitions/petition.hpp"

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
    }
    return "draft";
}

std::optional<PetitionState> parse_petition_state(std::string_view text) {
    for (const auto state : {PetitionState::draft, PetitionState::published, PetitionState::closed,
                             PetitionState::archived})
        if (text == to_string(state)) return state;
    return std::nullopt;
}

bool collects_signatures(const Petition& petition, std::int64_t now) {
    return petition.state == PetitionState::published &&
           (!petition.ends_at || now < *petition.ends_at);
}

}  // namespace rempart
