// Checks what a person gives to create or edit a petition, and cleans it; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/errors.hpp"
#include "petitions/petition.hpp"

namespace rempart {

// Limits on a petition's fields, in code points unless said.
struct PetitionLimits {
    std::size_t slug_min = 3;
    std::size_t slug_max = 80;
    std::size_t title_max = 200;
    std::size_t summary_max = 500;
    std::size_t body_max_bytes = 100 * 1000;
    std::size_t target_max = 200;
    std::int64_t goal_max = 100'000'000;
};

// One field's error: the form's field name ("slug", "title", "text", "ends_on"...), the
// code (its message in locales/) and a sentence for the command line.
struct FieldError {
    std::string field;
    PetitionError code;
    std::string detail;
};

// What an edit must respect beyond the fields themselves.
struct DraftRules {
    std::int64_t now = 0;            // Unix seconds: an end date must not be past
    std::int64_t current_count = 0;  // a goal below the signatures already counted is refused
    // The end date and goal as stored: left unchanged they are never refused (a petition
    // closed at its end keeps its date when its text is corrected).
    std::optional<std::int64_t> kept_ends_at;
    std::optional<std::int64_t> kept_goal;
};

struct DraftCheck {
    PetitionDraft draft;  // cleaned; usable only when there are no errors
    std::vector<FieldError> errors;
};

// Every field checked, every error kept, in the form's order.
DraftCheck check_draft(PetitionDraft draft, const DraftRules& rules,
                       const PetitionLimits& limits = {});

// The same for the command line: the first error, or the cleaned draft.
Result<PetitionDraft> validate_draft(PetitionDraft draft, const DraftRules& rules = {},
                                     const PetitionLimits& limits = {});

// A slug from a title: accents folded, lowercase, words joined by dashes, cut at a word
// within the limit ("Sauvons le vélo à Lyon !" gives "sauvons-le-velo-a-lyon"). Empty when
// the title holds no letter or digit.
std::string propose_slug(std::string_view title, const PetitionLimits& limits = {});

// A goal as typed, spaces around it ignored: none when empty, the number when it is one;
// PetitionError::goal_invalid otherwise (its range is check_draft's).
Result<std::optional<std::int64_t>> parse_goal(std::string_view text);

// "2027-01-31" to the end of that day, UTC, in Unix seconds; none for anything else.
std::optional<std::int64_t> parse_end_date(std::string_view text);
// The date a petition ends on, "2027-01-31", from its end in Unix seconds.
std::string end_date_text(std::int64_t ends_at);

}  // namespace rempart
