// What a petition tells its signers: kinds, sending states and the organiser's text checked.
#include "petitions/news.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"
#include "petitions/errors.hpp"

namespace rempart {
namespace {

constexpr std::array<std::pair<NewsKind, std::string_view>, 3> kind_names{
    {{NewsKind::update, "update"}, {NewsKind::answer, "answer"}, {NewsKind::victory, "victory"}}};
constexpr std::array<std::pair<NewsSending, std::string_view>, 4> sending_names{
    {{NewsSending::draft, "draft"},
     {NewsSending::sending, "sending"},
     {NewsSending::paused, "paused"},
     {NewsSending::sent, "sent"}}};

template <typename Enum, std::size_t N>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
    for (const auto& [known, name] : names)
        if (known == value) return name;
    return "unknown";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_in(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view text) {
    for (const auto& [known, name] : names)
        if (name == text) return known;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(NewsKind kind) {
    return name_in(kind_names, kind);
}
std::optional<NewsKind> parse_news_kind(std::string_view text) {
    return value_in(kind_names, text);
}
std::string_view to_string(NewsSending sending) {
    return name_in(sending_names, sending);
}
std::optional<NewsSending> parse_news_sending(std::string_view text) {
    return value_in(sending_names, text);
}

NewsCheck check_news(NewsDraft draft, const NewsLimits& limits) {
    NewsCheck check;
    auto& errors = check.errors;
    if (!is_valid_utf8(draft.subject)) {
        errors.push_back({"subject", PetitionError::text_invalid_utf8,
                          "the subject is not valid UTF-8 text; save it as UTF-8"});
    } else {
        // A subject is one line: a line break would end the mail's header.
        auto subject = draft.subject;
        std::replace_if(
            subject.begin(), subject.end(),
            [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
        draft.subject = trim(strip_control_characters(subject, false));
        if (draft.subject.empty())
            errors.push_back({"subject", PetitionError::news_subject_invalid,
                              "the subject must not be empty: it is the mail's subject line"});
        else if (count_code_points(draft.subject) > limits.subject_max)
            errors.push_back({"subject", PetitionError::news_subject_too_long,
                              "the subject must be at most " + std::to_string(limits.subject_max) +
                                  " characters long"});
    }
    if (!is_valid_utf8(draft.body_markdown)) {
        errors.push_back({"text", PetitionError::text_invalid_utf8,
                          "the text is not valid UTF-8 text; save it as UTF-8"});
    } else {
        draft.body_markdown = trim(strip_control_characters(draft.body_markdown, true));
        if (draft.body_markdown.empty())
            errors.push_back({"text", PetitionError::news_body_invalid,
                              "the text must not be empty: it is what the signers will read"});
        else if (draft.body_markdown.size() > limits.body_max_bytes)
            errors.push_back({"text", PetitionError::news_body_too_long,
                              "the text must be at most " + std::to_string(limits.body_max_bytes) +
                                  " bytes long"});
    }
    check.draft = std::move(draft);
    return check;
}

NewsCheck check_news_for(const Petition& petition, std::string_view kind, std::string subject,
                         std::string text) {
    const auto parsed = parse_news_kind(kind);
    auto check =
        check_news({parsed.value_or(NewsKind::update), std::move(subject), std::move(text)});
    auto first = [&check](FieldError error) {
        check.errors.insert(check.errors.begin(), std::move(error));
    };
    if (!parsed) first({"kind", PetitionError::news_kind_invalid, "no such kind of news"});
    if (parsed == NewsKind::victory && petition.won_at)
        first({"kind", PetitionError::already_won, "the petition is won already"});
    if (!takes_news(petition.state))
        first({"kind", PetitionError::news_not_public, "this petition has no signers to tell"});
    return check;
}

std::string_view to_string(NewsStep step) {
    switch (step) {
        case NewsStep::send:
            return "send";
        case NewsStep::pause:
            return "pause";
        case NewsStep::resume:
            return "resume";
    }
    return "send";
}

std::string_view news_step_done(NewsStep step) {
    switch (step) {
        case NewsStep::send:
            return "sending";
        case NewsStep::pause:
            return "paused";
        case NewsStep::resume:
            return "resumed";
    }
    return "sending";
}

std::optional<std::int64_t> author_next_sending(const std::vector<News>& news,
                                                std::string_view author, std::int64_t now) {
    std::optional<std::int64_t> last;
    for (const auto& one : news)
        if (one.author == author && one.published_at)
            last = std::max(last.value_or(*one.published_at), *one.published_at);
    if (!last || now >= *last + author_news_gap_s) return std::nullopt;
    return *last + author_news_gap_s;
}

bool takes_news(PetitionState state) {
    return state == PetitionState::published || state == PetitionState::closed;
}

int sending_percent(const News& news) {
    if (news.sending == NewsSending::draft) return 0;
    const auto total = std::max(news.recipients, news.queued);
    if (total <= 0) return news.sending == NewsSending::sent ? 100 : 0;
    if (news.sending == NewsSending::sent && news.delivered >= news.queued) return 100;
    return static_cast<int>(std::min<std::int64_t>(99, news.delivered * 100 / total));
}

}  // namespace rempart
