// A petition's steps from draft to archive, and what each edit changed; pure.
#include "petitions/lifecycle.hpp"

#include "petitions/errors.hpp"
#include "petitions/validate.hpp"

namespace rempart {
namespace {

std::string number_text(const std::optional<std::int64_t>& number) {
    return number ? std::to_string(*number) : std::string();
}

std::string date_text(const std::optional<std::int64_t>& ends_at) {
    return ends_at ? end_date_text(*ends_at) : std::string();
}

}  // namespace

std::string_view to_string(PetitionStep step) {
    switch (step) {
        case PetitionStep::publish:
            return "publish";
        case PetitionStep::close:
            return "close";
        case PetitionStep::archive:
            return "archive";
    }
    return "publish";
}

std::optional<PetitionStep> parse_petition_step(std::string_view text) {
    for (const auto step : {PetitionStep::publish, PetitionStep::close, PetitionStep::archive})
        if (text == to_string(step)) return step;
    return std::nullopt;
}

Result<PetitionState> next_state(PetitionState from, PetitionStep step) {
    const auto refuse = [&] {
        return make_error(PetitionError::state_conflict, "a " + std::string(to_string(from)) +
                                                             " petition cannot " +
                                                             std::string(to_string(step)));
    };
    switch (step) {
        case PetitionStep::publish:
            if (from != PetitionState::draft) return refuse();
            return PetitionState::published;
        case PetitionStep::close:
            if (from != PetitionState::published) return refuse();
            return PetitionState::closed;
        case PetitionStep::archive:
            if (from != PetitionState::closed && from != PetitionState::draft) return refuse();
            return PetitionState::archived;
    }
    return refuse();
}

std::vector<FieldChange> changes_between(const Petition& before, const PetitionDraft& after) {
    std::vector<FieldChange> changes;
    const auto compare = [&](std::string field, std::string old_text, std::string new_text) {
        if (old_text != new_text)
            changes.push_back({std::move(field), std::move(old_text), std::move(new_text)});
    };
    compare("slug", before.slug, after.slug);
    compare("title", before.title, after.title);
    compare("summary", before.summary, after.summary);
    compare("text", before.body_markdown, after.body_markdown);
    compare("goal", number_text(before.goal), number_text(after.goal));
    compare("target_name", before.target_name, after.target_name);
    compare("target_function", before.target_function, after.target_function);
    compare("target_email", before.target_email, after.target_email);
    compare("ends_on", date_text(before.ends_at), date_text(after.ends_at));
    compare("postcode_required", before.postcode_required ? "1" : "0",
            after.postcode_required ? "1" : "0");
    compare("language", before.language, after.language);
    return changes;
}

}  // namespace rempart
