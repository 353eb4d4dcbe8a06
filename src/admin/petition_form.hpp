// The petition form of the back office, read and checked: what was typed, kept as typed
// for showing again, and the draft it makes with each error beside its field. Pure.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "petitions/validate.hpp"

namespace rempart::admin {

// The fields as typed, named as the form names them.
struct PetitionInput {
    std::string slug;
    std::string title;
    std::string summary;
    std::string text;
    std::string goal;
    std::string target_name;
    std::string target_function;
    std::string target_email;
    std::string ends_on;  // YYYY-MM-DD, as <input type="date"> sends it
    bool postcode_required = false;
    std::string language;
    std::string action;  // "preview" shows the text rendered; anything else saves
};
PetitionInput read_petition_input(const std::vector<std::pair<std::string, std::string>>& form);
// The form filled from a stored petition, for its edit page.
PetitionInput input_of(const Petition& petition);

struct PetitionFormCheck {
    PetitionDraft draft;             // cleaned; usable only when there are no errors
    std::vector<FieldError> errors;  // in the form's order; codes have messages in locales/
};
// `locked_slug`: a published petition's slug, which the form may not change; an empty slug
// on a new petition is proposed from its title.
PetitionFormCheck check_petition_input(const PetitionInput& input, const DraftRules& rules,
                                       const std::string& locked_slug = {});

}  // namespace rempart::admin
