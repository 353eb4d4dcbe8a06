// A petition's steps from draft to archive, and what each edit changed; pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "petitions/petition.hpp"

namespace rempart {

// draft → published → closed → archived; a draft given up may be archived at once.
enum class PetitionStep { publish, close, archive };

std::string_view to_string(PetitionStep step);
std::optional<PetitionStep> parse_petition_step(std::string_view text);

// The state the step leads to from `from`, or PetitionError::state_conflict (publishing a
// published petition, closing a draft): a step taken twice does nothing the second time.
Result<PetitionState> next_state(PetitionState from, PetitionStep step);

// One field an edit changed, as the form names it, with its text before and after.
struct FieldChange {
    std::string field;
    std::string before;
    std::string after;
};

// The fields of `after` that differ from `before`, in the form's order. Numbers and dates
// are written as the form shows them ("1000", "2027-01-31", "" for none).
std::vector<FieldChange> changes_between(const Petition& before, const PetitionDraft& after);

}  // namespace rempart
