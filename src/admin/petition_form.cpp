// The petition form of the back office, read and checked. Pure.
#include "admin/petition_form.hpp"

#include "core/text.hpp"

namespace rempart::admin {

PetitionInput read_petition_input(const std::vector<std::pair<std::string, std::string>>& form) {
    PetitionInput input;
    std::pair<const char*, std::string*> texts[] = {
        {"slug", &input.slug},
        {"title", &input.title},
        {"summary", &input.summary},
        {"text", &input.text},
        {"goal", &input.goal},
        {"target_name", &input.target_name},
        {"target_function", &input.target_function},
        {"target_email", &input.target_email},
        {"ends_on", &input.ends_on},
        {"language", &input.language},
        {"action", &input.action},
    };
    for (const auto& [name, value] : form) {
        if (name == "postcode_required") input.postcode_required = value == "1";
        for (auto& [field, target] : texts)
            if (name == field) *target = value;
    }
    return input;
}

PetitionInput input_of(const Petition& petition) {
    PetitionInput input;
    input.slug = petition.slug;
    input.title = petition.title;
    input.summary = petition.summary;
    input.text = petition.body_markdown;
    input.goal = petition.goal ? std::to_string(*petition.goal) : "";
    input.target_name = petition.target_name;
    input.target_function = petition.target_function;
    input.target_email = petition.target_email;
    input.ends_on = petition.ends_at ? end_date_text(*petition.ends_at) : "";
    input.postcode_required = petition.postcode_required;
    input.language = petition.language;
    return input;
}

PetitionFormCheck check_petition_input(const PetitionInput& input, const DraftRules& rules,
                                       const std::string& locked_slug) {
    std::vector<FieldError> early;
    PetitionDraft draft;
    draft.slug = to_lower_ascii(trim(input.slug));
    if (!locked_slug.empty()) {
        if (!draft.slug.empty() && draft.slug != locked_slug)
            early.push_back({"slug", PetitionError::slug_locked,
                             "the slug of a published petition cannot change"});
        draft.slug = locked_slug;
    } else if (draft.slug.empty()) {
        draft.slug = propose_slug(input.title);
    }
    draft.title = input.title;
    draft.summary = input.summary;
    draft.body_markdown = input.text;
    draft.target_name = input.target_name;
    draft.target_function = input.target_function;
    draft.target_email = input.target_email;
    draft.postcode_required = input.postcode_required;
    draft.language = input.language.empty() ? "fr" : input.language;

    if (auto goal = parse_goal(input.goal); goal)
        draft.goal = *goal;
    else
        early.push_back({"goal", PetitionError::goal_invalid, goal.error().detail});
    const auto ends_on = trim(input.ends_on);
    if (!ends_on.empty()) {
        if (const auto ends_at = parse_end_date(ends_on))
            draft.ends_at = ends_at;
        else
            early.push_back({"ends_on", PetitionError::end_date_invalid,
                             "the end date must be a day written YYYY-MM-DD"});
    }

    auto check = check_draft(std::move(draft), rules);
    // One message a field: the form's own reading first, then the draft's rules.
    PetitionFormCheck result{std::move(check.draft), std::move(early)};
    for (auto& error : check.errors) {
        bool seen = false;
        for (const auto& kept : result.errors) seen = seen || kept.field == error.field;
        if (!seen) result.errors.push_back(std::move(error));
    }
    return result;
}

}  // namespace rempart::admin
