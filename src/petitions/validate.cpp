// Checks what a person gives to create or edit a petition, and cleans it; no I/O.
#include "petitions/validate.hpp"

#include <charconv>
#include <ctime>

#include "core/text.hpp"
#include "signatures/email.hpp"
#include "signatures/text_input.hpp"

namespace rempart {
namespace {

bool is_slug_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

std::optional<std::string> slug_problem(const std::string& slug, const PetitionLimits& limits) {
    if (slug.size() < limits.slug_min || slug.size() > limits.slug_max)
        return "must be " + std::to_string(limits.slug_min) + " to " +
               std::to_string(limits.slug_max) + " characters long, e.g. noel-sans-amazon";
    for (const char c : slug)
        if (!is_slug_character(c))
            return "may only contain lowercase letters, digits and dashes, e.g. noel-sans-amazon";
    if (slug.front() == '-' || slug.back() == '-')
        return "must not start or end with a dash, e.g. noel-sans-amazon";
    if (slug.find("--") != std::string::npos)
        return "must not contain two dashes in a row, e.g. noel-sans-amazon";
    return std::nullopt;
}

// Tabs and line breaks in a one-line field separate words: they become spaces rather than
// vanish with the other control characters ("Des pistes\ncyclables" → "Des pistes cyclables").
std::string fold_line_breaks(std::string text) {
    for (auto& c : text)
        if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f') c = ' ';
    return text;
}

// Collects a form's errors while its fields are cleaned one by one.
class Checker {
  public:
    explicit Checker(std::vector<FieldError>& errors) : errors_(errors) {}

    void fail(std::string field, PetitionError code, std::string detail) {
        errors_.push_back({std::move(field), code, std::move(detail)});
    }

    // The text cleaned, or none after an error for a text that is not UTF-8.
    std::optional<std::string> clean(const std::string& field, const std::string& label,
                                     std::string text, bool multiline) {
        if (!is_valid_utf8(text)) {
            fail(field, PetitionError::text_invalid_utf8,
                 "the " + label + " is not valid UTF-8 text; save it as UTF-8");
            return std::nullopt;
        }
        if (!multiline) text = fold_line_breaks(std::move(text));
        return trim(strip_control_characters(text, multiline));
    }

  private:
    std::vector<FieldError>& errors_;
};

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm), valid for any year here.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

DraftCheck check_draft(PetitionDraft draft, const DraftRules& rules, const PetitionLimits& limits) {
    DraftCheck check;
    Checker checker(check.errors);

    if (auto problem = slug_problem(draft.slug, limits))
        checker.fail("slug", PetitionError::slug_invalid, "the slug " + *problem);

    if (auto title = checker.clean("title", "title", std::move(draft.title), false)) {
        if (title->empty())
            checker.fail("title", PetitionError::title_invalid,
                         "the title must not be empty (spaces and invisible characters do not "
                         "count)");
        else if (count_code_points(*title) > limits.title_max)
            checker.fail("title", PetitionError::title_too_long,
                         "the title must be at most " + std::to_string(limits.title_max) +
                             " characters long");
        draft.title = std::move(*title);
    }

    if (auto summary = checker.clean("summary", "summary", std::move(draft.summary), false)) {
        if (count_code_points(*summary) > limits.summary_max)
            checker.fail("summary", PetitionError::summary_too_long,
                         "the summary must be at most " + std::to_string(limits.summary_max) +
                             " characters long");
        draft.summary = std::move(*summary);
    }

    // The body's limit is in bytes: it bounds storage and rendering, not reading.
    if (auto body = checker.clean("text", "text", std::move(draft.body_markdown), true)) {
        if (body->empty())
            checker.fail("text", PetitionError::body_invalid,
                         "the text must not be empty (spaces and invisible characters do not "
                         "count)");
        else if (body->size() > limits.body_max_bytes)
            checker.fail("text", PetitionError::body_too_long,
                         "the text must be at most " + std::to_string(limits.body_max_bytes) +
                             " bytes long");
        draft.body_markdown = std::move(*body);
    }

    if (draft.goal && (*draft.goal < 1 || *draft.goal > limits.goal_max))
        checker.fail("goal", PetitionError::goal_invalid,
                     "the goal must be a whole number of signatures from 1 to " +
                         std::to_string(limits.goal_max));
    else if (draft.goal && *draft.goal < rules.current_count && draft.goal != rules.kept_goal)
        checker.fail("goal", PetitionError::goal_below_count,
                     "the goal must not be below the " + std::to_string(rules.current_count) +
                         " signatures already counted");

    for (auto [field, text] : {std::pair{"target_name", &draft.target_name},
                               std::pair{"target_function", &draft.target_function}}) {
        if (auto clean = checker.clean(field, "target", std::move(*text), false)) {
            if (count_code_points(*clean) > limits.target_max)
                checker.fail(field, PetitionError::target_too_long,
                             "the target's name and function must each be at most " +
                                 std::to_string(limits.target_max) + " characters long");
            *text = std::move(*clean);
        }
    }

    draft.target_email = trim(draft.target_email);
    if (!draft.target_email.empty()) {
        if (auto email = signatures::parse_email(draft.target_email); !email)
            checker.fail("target_email", PetitionError::target_email_invalid,
                         "the target's e-mail is not an address: " + email.error().detail);
        else
            draft.target_email = email->local + "@" + email->ascii_domain;
    }

    if (draft.ends_at && *draft.ends_at <= rules.now && draft.ends_at != rules.kept_ends_at)
        checker.fail("ends_on", PetitionError::end_date_past,
                     "the end date " + end_date_text(*draft.ends_at) + " is already past");

    if (draft.language != "fr" && draft.language != "en")
        checker.fail("language", PetitionError::language_invalid,
                     "the language must be fr or en (got '" + to_valid_utf8(draft.language) + "')");

    check.draft = std::move(draft);
    return check;
}

Result<PetitionDraft> validate_draft(PetitionDraft draft, const DraftRules& rules,
                                     const PetitionLimits& limits) {
    auto check = check_draft(std::move(draft), rules, limits);
    if (!check.errors.empty())
        return make_error(check.errors.front().code, check.errors.front().detail);
    return std::move(check.draft);
}

std::string propose_slug(std::string_view title, const PetitionLimits& limits) {
    const auto folded = signatures::normalise_for_comparison(
        trim(strip_control_characters(to_valid_utf8(title), false)));
    std::string slug;
    bool dash = false;
    for (const char c : folded) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (dash && !slug.empty()) slug += '-';
            slug += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    if (slug.size() > limits.slug_max) {
        slug.resize(limits.slug_max);
        if (const auto cut = slug.rfind('-'); cut != std::string::npos && cut >= limits.slug_min)
            slug.resize(cut);
        while (!slug.empty() && slug.back() == '-') slug.pop_back();
    }
    return slug;
}

Result<std::optional<std::int64_t>> parse_goal(std::string_view text) {
    const auto goal = trim(text);
    if (goal.empty()) return std::optional<std::int64_t>();
    std::int64_t value = 0;
    const auto [end, err] = std::from_chars(goal.data(), goal.data() + goal.size(), value);
    if (err != std::errc() || end != goal.data() + goal.size())
        return make_error(PetitionError::goal_invalid,
                          "the goal must be a whole number of signatures");
    return std::optional<std::int64_t>(value);
}

std::optional<std::int64_t> parse_end_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    const auto number = [&](std::size_t at, std::size_t size, auto& out) {
        const auto [end, err] = std::from_chars(text.data() + at, text.data() + at + size, out);
        return err == std::errc() && end == text.data() + at + size;
    };
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day)) return std::nullopt;
    static constexpr unsigned days_in[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1970 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (day > days_in[month - 1] + (month == 2 && leap(year) ? 1 : 0)) return std::nullopt;
    return (days_from_civil(year, month, day) + 1) * 86400;
}

std::string end_date_text(std::int64_t ends_at) {
    const auto last_second = static_cast<std::time_t>(ends_at - 1);
    std::tm parts{};
    gmtime_r(&last_second, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

}  // namespace rempart
