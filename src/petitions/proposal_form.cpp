// Reads and checks the proposal form; the petition's fields by the back office's own rules.
#include "petitions/proposal_form.hpp"

#include "petitions/validate.hpp"
#include "signatures/signing_form.hpp"

namespace rempart {
namespace {

bool ticked(std::string_view value) {
    return value == "on" || value == "1" || value == "yes";
}

// The petition's fields, checked as the back office checks them; the target is required
// here: a proposal must say whom it asks.
void check_petition_fields(const ProposalForm& form, std::string_view language, std::int64_t now,
                           CheckedProposal& checked, ProposalInput& input) {
    PetitionDraft draft;
    draft.title = form.title;
    draft.summary = form.summary;
    draft.body_markdown = form.text;
    draft.target_name = form.target_name;
    draft.language = std::string(language);
    draft.slug = propose_slug(form.title);
    const auto goal = parse_goal(form.goal);
    if (goal) draft.goal = *goal;
    auto result = check_draft(draft, DraftRules{now, 0, {}, {}});
    // The slug comes from the title: its errors are the title's (an empty slug means a
    // title without a letter or digit, which the title's own check reports too).
    for (const auto& error : result.errors) {
        if (error.field == "slug") {
            if (!form.title.empty() && draft.slug.empty())
                checked.errors.push_back({"title", "propose.title_no_letters"});
            continue;
        }
        checked.errors.push_back({error.field, std::string(error_name(error.code))});
    }
    if (!goal) checked.errors.push_back({"goal", "petition.goal_invalid"});
    if (form.target_name.find_first_not_of(" \t") == std::string::npos)
        checked.errors.push_back({"target_name", "propose.target_required"});
    input.draft = std::move(result.draft);
}

}  // namespace

ProposalForm read_proposal_form(const std::vector<std::pair<std::string, std::string>>& fields) {
    ProposalForm form;
    std::vector<std::string_view> seen;
    for (const auto& [key, value] : fields) {
        bool first = true;
        for (const auto name : seen) first = first && name != key;
        if (!first) continue;
        seen.push_back(key);
        if (key == "title")
            form.title = value;
        else if (key == "summary")
            form.summary = value;
        else if (key == "text")
            form.text = value;
        else if (key == "goal")
            form.goal = value;
        else if (key == "target_name")
            form.target_name = value;
        else if (key == "author_name")
            form.author_name = value;
        else if (key == "author_email")
            form.author_email = value;
        else if (key == "accept_terms")
            form.accept_terms = ticked(value);
        else if (key == "altcha")
            form.altcha = value;
        else if (key == "different")
            form.different = ticked(value);
    }
    return form;
}

CheckedProposal check_proposal_form(const ProposalForm& form, std::string_view language,
                                    std::int64_t now) {
    CheckedProposal checked;
    ProposalInput input;
    check_petition_fields(form, language, now, checked, input);
    // The author's name and address follow the signer's rules: the same people type them.
    signatures::SigningForm as_signer;
    as_signer.name = form.author_name;
    as_signer.email = form.author_email;
    as_signer.accept_terms = form.accept_terms;
    as_signer.altcha = form.altcha;
    const auto signer = signatures::check_signing_form(as_signer, false);
    for (const auto& error : signer.errors)
        checked.errors.push_back({error.field == "name" || error.field == "email"
                                      ? "author_" + error.field
                                      : error.field,
                                  error.message});
    if (checked.errors.empty()) {
        input.author_name = signer.input->name;
        input.author_email = signer.input->email;
        checked.input = std::move(input);
    }
    return checked;
}

CheckedProposal check_proposal_edit(const ProposalForm& form, std::string_view language,
                                    std::int64_t now) {
    CheckedProposal checked;
    ProposalInput input;
    check_petition_fields(form, language, now, checked, input);
    if (checked.errors.empty()) checked.input = std::move(input);
    return checked;
}

}  // namespace rempart
