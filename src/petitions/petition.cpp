// Petition states as text, for the store and the API.
#include "petitions/petition.hpp"

namespace rempart {

std::string_view to_string(PetitionState state) {
    switch (state) {
        case PetitionState::published:
            return "published";
        case PetitionState::closed:
            return "closed";
    }
    return "published";
}

std::optional<PetitionState> parse_petition_state(std::string_view text) {
    if (text == "published") return PetitionState::published;
    if (text == "closed") return PetitionState::closed;
    return std::nullopt;
}

}  // namespace rempart
