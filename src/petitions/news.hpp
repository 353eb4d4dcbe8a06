// What a petition tells the signers who asked to be kept informed: an update, the target's
// answer, or its victory; how its sending stands; and the check of what the organiser
// wrote. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "petitions/petition.hpp"
#include "petitions/validate.hpp"

namespace rempart {

// A news's author when it is not an organiser's account: the target through their private
// link, or the petition's author (petitions proposed by the public) through theirs.
inline constexpr std::string_view news_by_target = "target";
inline constexpr std::string_view news_by_author = "author";

enum class NewsKind { update, answer, victory };
std::string_view to_string(NewsKind kind);
std::optional<NewsKind> parse_news_kind(std::string_view text);

// draft (written, tests may go) → sending (batches go to the outbox at the set pace) ⇄
// paused → sent (every recipient's mail is in the outbox).
enum class NewsSending { draft, sending, paused, sent };
std::string_view to_string(NewsSending sending);
std::optional<NewsSending> parse_news_sending(std::string_view text);

struct NewsLimits {
    std::size_t subject_max = 150;  // code points: a mail subject that fits a phone's line twice
    std::size_t body_max_bytes = 50 * 1000;
};

struct NewsDraft {
    NewsKind kind = NewsKind::update;
    std::string subject;
    std::string body_markdown;
};

struct News {
    std::int64_t id = 0;
    std::int64_t petition_id = 0;
    std::int64_t number = 0;  // 1, 2... within its petition
    NewsKind kind = NewsKind::update;
    std::string subject;
    std::string body_markdown;
    std::string author;           // the account's e-mail, news_by_target or news_by_author
    std::int64_t created_at = 0;  // Unix seconds
    NewsSending sending = NewsSending::draft;
    std::optional<std::int64_t> published_at;  // shown on the petition's page since
    std::int64_t recipients = 0;               // opted-in signers when the sending started
    std::int64_t queued = 0;                   // mails in the outbox so far
    std::int64_t delivered = 0;                // of those, handed to the mail server
};

// The subject and text cleaned ("subject", "text" as the form names them), every error kept.
struct NewsCheck {
    NewsDraft draft;
    std::vector<FieldError> errors;
};
NewsCheck check_news(NewsDraft draft, const NewsLimits& limits = {});

// News goes to a published or closed petition's signers: a draft has none, and an
// archived petition's signers have heard the end.
bool takes_news(PetitionState state);

// What the news form asks, checked against the petition it is for: the kind named, a
// victory only once, and only a published or closed petition's signers to tell. Each error
// beside its field ("kind", "subject", "text"), as check_news gives them.
NewsCheck check_news_for(const Petition& petition, std::string_view kind, std::string subject,
                         std::string text);

// The steps of a written news's sending, from whoever may take them.
enum class NewsStep { send, pause, resume };
std::string_view to_string(NewsStep step);
// What the sending is once the step is taken ("sending", "paused", "resumed"): the word the
// pages' notices are keyed by.
std::string_view news_step_done(NewsStep step);

// A petition's author (petitions proposed by the public) starts at most one sending a day:
// the signers gave their address to a site, and hear from one person at most that often.
// The organisers, who answer for the site, are not held to it.
inline constexpr std::int64_t author_news_gap_s = 24 * 3600;
// Whether the author may start a sending now, given the petition's news and the name the
// author's news carry; otherwise the time (Unix seconds) from which they may.
std::optional<std::int64_t> author_next_sending(const std::vector<News>& news,
                                                std::string_view author, std::int64_t now);

// How far a sending has gone, 0 to 100: delivered mails over recipients, 100 once sent and
// delivered (signers who opted in after the start are counted too, so never past 100).
int sending_percent(const News& news);

}  // namespace rempart
