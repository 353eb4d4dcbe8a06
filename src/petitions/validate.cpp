// Checks what a person gives to create a petition, and cleans it; no I/O.
#include "petitions/validate.hpp"

#include "core/text.hpp"

namespace rempart {
namespace {

bool is_slug_character(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

Result<void> check_slug(const std::string& slug, const PetitionLimits& limits) {
    const auto fail = [&] {
        return make_error("petition.slug_invalid",
                          "the slug must be " + std::to_string(limits.slug_min) + " to " +
                              std::to_string(limits.slug_max) +
                              " lowercase letters, digits and single dashes, not starting or "
                              "ending with a dash, e.g. noel-sans-amazon (got '" + slug + "')");
    };
    if (slug.size() < limits.slug_min || slug.size() > limits.slug_max) return fail();
    if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string::npos)
        return fail();
    for (const char c : slug)
        if (!is_slug_character(c)) return fail();
    return {};
}

Result<std::string> clean_text(const std::string& field, const std::string& text,
                               bool keep_newlines) {
    if (!is_valid_utf8(text))
        return make_error("text.invalid_utf8",
                          "the " + field + " is not valid UTF-8 text; save the file as UTF-8");
    return trim(strip_control_characters(text, keep_newlines));
}

}  // namespace

Result<PetitionDraft> validate_draft(PetitionDraft draft, const PetitionLimits& limits) {
    if (auto slug = check_slug(draft.slug, limits); !slug) return slug.error();

    auto title = clean_text("title", draft.title, false);
    if (!title) return title.error();
    if (title->empty())
        return make_error("petition.title_invalid", "the title must not be empty");
    if (count_code_points(*title) > limits.title_max)
        return make_error("petition.title_too_long",
                          "the title must be at most " + std::to_string(limits.title_max) +
                              " characters long");
    draft.title = std::move(*title);

    auto summary = clean_text("summary", draft.summary, false);
    if (!summary) return summary.error();
    if (count_code_points(*summary) > limits.summary_max)
        return make_error("petition.summary_too_long",
                          "the summary must be at most " + std::to_string(limits.summary_max) +
                              " characters long");
    draft.summary = std::move(*summary);

    auto body = clean_text("text", draft.body_markdown, true);
    if (!body) return body.error();
    if (body->empty()) return make_error("petition.body_invalid", "the text must not be empty");
    if (body->size() > limits.body_max_bytes)
        return make_error("petition.body_too_long",
                          "the text must be at most " + std::to_string(limits.body_max_bytes) +
                              " bytes long");
    draft.body_markdown = std::move(*body);

    if (draft.goal && (*draft.goal < 1 || *draft.goal > limits.goal_max))
        return make_error("petition.goal_invalid",
                          "the goal must be a whole number of signatures from 1 to " +
                              std::to_string(limits.goal_max));
    return draft;
}

}  // namespace rempart
