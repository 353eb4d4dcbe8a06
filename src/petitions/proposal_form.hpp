// The public form that proposes a petition: what the browser sent, and the proposal it
// describes once checked; pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "petitions/petition.hpp"
#include "signatures/email.hpp"

namespace rempart {

// The fields as typed, kept to fill the form again when something is wrong.
struct ProposalForm {
    std::string title;
    std::string summary;
    std::string text;  // Markdown
    std::string goal;  // a number, or empty
    std::string target_name;
    std::string author_name;
    std::string author_email;
    bool accept_terms = false;
    std::string altcha;  // the proof-of-work widget's payload
    // The author saw the petitions that look close and says theirs is different.
    bool different = false;
};

// Form fields (decoded) to a ProposalForm. Unknown fields are ignored; a field sent twice
// keeps its first value, as the signing form does.
ProposalForm read_proposal_form(const std::vector<std::pair<std::string, std::string>>& fields);

// One error beside one field: the form's field name and a message key in locales/.
struct ProposalError {
    std::string field;
    std::string message;  // e.g. "petition.title_too_long", "propose.target_required"
};

// A proposal that passed every check the form alone allows.
struct ProposalInput {
    PetitionDraft draft;  // slug proposed from the title; language as given
    std::string author_name;
    signatures::EmailAddress author_email;
};

struct CheckedProposal {
    std::optional<ProposalInput> input;  // set when `errors` is empty
    std::vector<ProposalError> errors;   // in the form's order
};

// Every field checked at once, with the petition's own limits (petitions/validate) for the
// petition's fields and the signer's for the author's name and address. `language` is the
// language the author wrote the form in; the petition keeps it.
CheckedProposal check_proposal_form(const ProposalForm& form, std::string_view language,
                                    std::int64_t now);

// The form as the author's page edits it: the petition's fields only (the input's author
// stays empty: the author's name and address are not edited). Errors on the same fields
// and keys.
CheckedProposal check_proposal_edit(const ProposalForm& form, std::string_view language,
                                    std::int64_t now);

}  // namespace rempart
