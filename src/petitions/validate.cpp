// Checks what a person gives to create a petition, and cleans it; no I/O.
#include "petitions/validate.hpp"

#include "core/text.hpp"
#include "petitions/errors.hpp"

namespace rempart {
namespace {

bool is_slug_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

Result<void> check_slug(const std::string& slug, const PetitionLimits& limits) {
    const auto fail = [](std::string rule) {
        return make_error(PetitionError::slug_invalid, "the slug " + rule);
    };
    if (slug.size() < limits.slug_min || slug.size() > limits.slug_max)
        return fail("must be " + std::to_string(limits.slug_min) + " to " +
                    std::to_string(limits.slug_max) + " characters long, e.g. noel-sans-amazon");
    for (const char c : slug)
        if (!is_slug_character(c))
            return fail(
                "may only contain lowercase letters, digits and dashes, e.g. noel-sans-amazon");
    if (slug.front() == '-' || slug.back() == '-')
        return fail("must not start or end with a dash, e.g. noel-sans-amazon");
    if (slug.find("--") != std::string::npos)
        return fail("must not contain two dashes in a row, e.g. noel-sans-amazon");
    return {};
}

// Tabs and line breaks in a one-line field separate words: they become spaces rather than
// vanish with the other control characters ("Des pistes\ncyclables" → "Des pistes cyclables").
std::string fold_line_breaks(std::string text) {
    for (auto& c : text)
        if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') c = ' ';
    return text;
}

Result<std::string> clean_text(const std::string& field, std::string text, bool multiline) {
    if (!is_valid_utf8(text))
        return make_error(PetitionError::text_invalid_utf8,
                          "the " + field + " is not valid UTF-8 text; save it as UTF-8");
    if (!multiline) text = fold_line_breaks(std::move(text));
    return trim(strip_control_characters(text, multiline));
}

}  // namespace

Result<PetitionDraft> validate_draft(PetitionDraft draft, const PetitionLimits& limits) {
    if (auto slug = check_slug(draft.slug, limits); !slug) return slug.error();

    auto title = clean_text("title", std::move(draft.title), false);
    if (!title) return title.error();
    if (title->empty())
        return make_error(PetitionError::title_invalid,
                          "the title must not be empty (spaces and invisible characters do "
                          "not count)");
    if (count_code_points(*title) > limits.title_max)
        return make_error(
            PetitionError::title_too_long,
            "the title must be at most " + std::to_string(limits.title_max) + " characters long");
    draft.title = std::move(*title);

    auto summary = clean_text("summary", std::move(draft.summary), false);
    if (!summary) return summary.error();
    if (count_code_points(*summary) > limits.summary_max)
        return make_error(PetitionError::summary_too_long, "the summary must be at most " +
                                                               std::to_string(limits.summary_max) +
                                                               " characters long");
    draft.summary = std::move(*summary);

    // The body's limit is in bytes: it bounds storage and rendering, not reading.
    auto body = clean_text("text", std::move(draft.body_markdown), true);
    if (!body) return body.error();
    if (body->empty())
        return make_error(PetitionError::body_invalid,
                          "the text must not be empty (spaces and invisible characters do not "
                          "count)");
    if (body->size() > limits.body_max_bytes)
        return make_error(
            PetitionError::body_too_long,
            "the text must be at most " + std::to_string(limits.body_max_bytes) + " bytes long");
    draft.body_markdown = std::move(*body);

    if (draft.goal && (*draft.goal < 1 || *draft.goal > limits.goal_max))
        return make_error(PetitionError::goal_invalid,
                          "the goal must be a whole number of signatures from 1 to " +
                              std::to_string(limits.goal_max));
    return draft;
}

}  // namespace rempart
