// Checks what a person gives to create a petition, and cleans it; no I/O.
#pragma once

#include "petitions/petition.hpp"

namespace rempart {

// Limits on a petition's fields, in code points unless said.
struct PetitionLimits {
    std::size_t slug_min = 3;
    std::size_t slug_max = 80;
    std::size_t title_max = 200;
    std::size_t summary_max = 500;
    std::size_t body_max_bytes = 100 * 1000;
    std::int64_t goal_max = 100'000'000;
};

// The cleaned draft: text trimmed, control and invisible characters removed (newlines
// kept in the body). Errors name the field and the rule, with codes from locales/.
Result<PetitionDraft> validate_draft(PetitionDraft draft, const PetitionLimits& limits = {});

}  // namespace rempart
